package io.aegntic.studio.events;

import java.time.Instant;

/**
 * An authentic input that could not be processed, on {@link Topics#DLQ}: where it came from, a
 * reason code, a human-readable detail, and the original bytes (base64) so it can be replayed.
 */
public record DeadLetter(
    String source, String platform, String reason, String detail, Instant receivedAt, String body) {
  public DeadLetter {
    Require.text(source, "source");
    Require.text(reason, "reason");
    Require.present(receivedAt, "receivedAt");
  }
}
