package io.aegntic.studio.ingest.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The secrets the simulator signs with: the same environment variables ingest verifies with. */
public record PlatformSecrets(
    String metaApp,
    String xConsumer,
    String youtube,
    String stripe,
    String tiktok,
    String linkedin) {

  /** Reads STUDIO_SECRET_* from the given environment. */
  public static PlatformSecrets from(Map<String, String> env) {
    return new PlatformSecrets(
        env.getOrDefault("STUDIO_SECRET_META_APP", ""),
        env.getOrDefault("STUDIO_SECRET_X_CONSUMER", ""),
        env.getOrDefault("STUDIO_SECRET_YOUTUBE", ""),
        env.getOrDefault("STUDIO_SECRET_STRIPE", ""),
        env.getOrDefault("STUDIO_SECRET_TIKTOK", ""),
        env.getOrDefault("STUDIO_SECRET_LINKEDIN", ""));
  }

  /**
   * The names of the variables the simulator needs but that are blank. YouTube is not among them:
   * WebSub notifications are unsigned when the subscription has no secret.
   */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    for (String[] s :
        new String[][] {
          {"STUDIO_SECRET_META_APP", metaApp},
          {"STUDIO_SECRET_X_CONSUMER", xConsumer},
          {"STUDIO_SECRET_STRIPE", stripe},
          {"STUDIO_SECRET_TIKTOK", tiktok},
          {"STUDIO_SECRET_LINKEDIN", linkedin}
        }) {
      if (s[1] == null || s[1].isBlank()) {
        out.add(s[0]);
      }
    }
    return out;
  }

  /** The secret, or a failure naming the variable that should have held it. */
  static String require(String value, String variable, String platform) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          variable
              + " is not set: the simulator cannot sign "
              + platform
              + " webhooks (set it to the secret ingest verifies "
              + platform
              + " with)");
    }
    return value;
  }

  @Override
  public String toString() {
    return "PlatformSecrets[redacted]";
  }
}
