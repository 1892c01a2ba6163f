package io.aegntic.studio.ingest.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the webhook receivers ({@code studio.ingest.*}).
 *
 * @param secrets one secret per platform app; never logged
 * @param accounts platform id -> platform account id -> creatorId (serving's platform connections
 *     will feed this map later)
 * @param maxBody largest body accepted (413 above)
 * @param signatureTolerance how old a Stripe or TikTok signature timestamp may be
 * @param actorSalt salt for hashing platform user ids
 * @param youtubeTopics extra WebSub topics we subscribed to, besides each mapped channel's feed
 */
@ConfigurationProperties("studio.ingest")
public record WebhookProperties(
    @DefaultValue Secrets secrets,
    Map<String, Map<String, String>> accounts,
    @DefaultValue("1MB") DataSize maxBody,
    @DefaultValue("300s") Duration signatureTolerance,
    @DefaultValue("") String actorSalt,
    List<String> youtubeTopics) {

  public WebhookProperties {
    accounts = accounts == null ? Map.of() : accounts;
    youtubeTopics = youtubeTopics == null ? List.of() : youtubeTopics;
  }

  /** The platform secrets; blank means not configured. */
  public record Secrets(
      @DefaultValue("") String metaApp,
      @DefaultValue("") String metaVerifyToken,
      @DefaultValue("") String xConsumer,
      @DefaultValue("") String youtube,
      @DefaultValue("") String stripe,
      @DefaultValue("") String tiktok,
      @DefaultValue("") String linkedin) {

    @Override
    public String toString() {
      return "Secrets[redacted]";
    }
  }
}
