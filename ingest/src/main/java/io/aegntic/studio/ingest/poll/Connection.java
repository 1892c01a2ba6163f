package io.aegntic.studio.ingest.poll;

import java.time.Instant;
import java.util.UUID;

/** One row of serving's {@code platform_connections}, tokens decrypted. Never logged whole. */
public record Connection(
    UUID id,
    String creatorId,
    String platform,
    String account,
    String accessToken,
    String refreshToken,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "Connection[" + id + " " + creatorId + " " + platform + " " + account + "]";
  }
}
