package io.aegntic.studio.events;

import java.util.List;

/**
 * The demo creators, their platform account ids and demo tokens: one list shared by ingest's
 * simulator (which plays them and serves their APIs) and serving (which seeds their connections).
 * Ingest's default account map (application.properties) maps exactly these ids to these creators.
 */
public final class DemoCreators {
  private DemoCreators() {}

  /** One creator's accounts; the LinkedIn id is the organization urn's numeric part. */
  public record Creator(
      String id,
      String niche,
      String instagram,
      String facebookPage,
      String x,
      String youtubeChannel,
      String stripeAccount,
      String tiktokOpenId,
      String linkedinOrg) {

    /** The account on a polled platform, as the simulator's APIs know it. */
    public String account(String platform) {
      return switch (platform) {
        case "youtube" -> youtubeChannel;
        case "tiktok" -> tiktokOpenId;
        case "x" -> x;
        case "instagram" -> instagram;
        case "linkedin" -> linkedinOrg;
        default -> throw new IllegalArgumentException("not polled: " + platform);
      };
    }
  }

  /** The platforms whose APIs are polled (the others push webhooks only). */
  public static final List<String> POLLED =
      List.of("youtube", "tiktok", "x", "instagram", "linkedin");

  /** The tokens serving seeds and the simulator accepts: demo data, not secrets. */
  public static String token(String platform, String creatorId, String kind) {
    return "demo-" + platform + "-" + creatorId + "-" + kind;
  }

  public static final List<Creator> ALL =
      List.of(
          new Creator(
              "creator-demo-1",
              "cooking",
              "17841400000000001",
              "100000000000001",
              "1500000000000000001",
              "UCdemoCreator1aaaaaaaaaaa",
              "acct_demo1",
              "act.demo1",
              "90000001"),
          new Creator(
              "creator-demo-2",
              "fitness",
              "17841400000000002",
              "100000000000002",
              "1500000000000000002",
              "UCdemoCreator2bbbbbbbbbbb",
              "acct_demo2",
              "act.demo2",
              "90000002"),
          new Creator(
              "creator-demo-3",
              "tech",
              "17841400000000003",
              "100000000000003",
              "1500000000000000003",
              "UCdemoCreator3ccccccccccc",
              "acct_demo3",
              "act.demo3",
              "90000003"));
}
