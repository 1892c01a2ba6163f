package io.aegntic.studio.ingest.simulator;

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

  @Override
  public String toString() {
    return "PlatformSecrets[redacted]";
  }
}
