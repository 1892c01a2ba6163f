package io.aegntic.studio.ingest.poll;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pollers' configuration ({@code studio.ingest.poll.*}, see ingest/README.md).
 *
 * @param enabled whether pollers (and ingest's database use) run at all
 * @param autoStart whether the scheduler ticks by itself (tests drive cycles by hand)
 * @param platforms the platforms polled
 * @param tokenKey base64 AES-256 key, the same {@code STUDIO_TOKEN_KEY} serving encrypts with
 * @param tick how often each platform's loop looks for due work
 * @param refreshSkew how long before expiry an access token is refreshed
 * @param young the interval of a post younger than an hour; older posts get multiples of it
 * @param maxInterval the longest interval between two polls of one post
 * @param jitter the fraction (0..1) by which every interval is randomly stretched or shrunk
 * @param audienceInterval how often follower counts are read
 * @param discoverInterval how often the list of posts is read for new ones
 * @param commentsInterval how often new comments are read
 * @param maxPages the most pages one cycle follows before it yields (the cursor is kept)
 * @param apps per platform: API and token endpoints, OAuth client, daily quota
 */
@ConfigurationProperties("studio.ingest.poll")
public record PollProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("true") boolean autoStart,
    @DefaultValue({"youtube", "tiktok", "x", "instagram", "linkedin"}) List<String> platforms,
    @DefaultValue("") String tokenKey,
    @DefaultValue("2s") Duration tick,
    @DefaultValue("5m") Duration refreshSkew,
    @DefaultValue("1m") Duration young,
    @DefaultValue("6h") Duration maxInterval,
    @DefaultValue("0.1") double jitter,
    @DefaultValue("15m") Duration audienceInterval,
    @DefaultValue("10m") Duration discoverInterval,
    @DefaultValue("5m") Duration commentsInterval,
    @DefaultValue("20") int maxPages,
    Map<String, App> apps) {

  public PollProperties {
    apps = apps == null ? Map.of() : Map.copyOf(apps);
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("studio.ingest.poll.jitter must be in [0, 1)");
    }
  }

  /**
   * One platform app: where its API and token endpoint are, its OAuth client, its quota, and the
   * API version it sends as a header where the platform versions by header (LinkedIn-Version).
   */
  public record App(
      String apiUrl,
      String tokenUrl,
      @DefaultValue("") String clientId,
      @DefaultValue("") String clientSecret,
      @DefaultValue("0") long dailyQuota,
      @DefaultValue("") String apiVersion) {

    @Override
    public String toString() {
      return "App[apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
    }
  }

  /** The app of a platform; fails naming the missing keys. */
  public App app(String platform) {
    App app = apps.get(platform);
    if (app == null || app.apiUrl() == null || app.tokenUrl() == null) {
      throw new IllegalStateException(
          "studio.ingest.poll.apps." + platform + ".api-url and .token-url must be set");
    }
    return app;
  }

  @Override
  public String toString() {
    return "PollProperties[enabled="
        + enabled
        + ", platforms="
        + platforms
        + ", apps="
        + apps
        + "]";
  }
}
