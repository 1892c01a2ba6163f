package io.aegntic.studio.ingest.poll;

/** Why a poll cycle of one connection stopped early; the next cycle starts from the cursors. */
public class PollException extends RuntimeException {
  public PollException(String message) {
    super(message, null, false, false);
  }

  /** The platform no longer accepts the connection's tokens: marked needs_reconnect. */
  public static final class NeedsReconnect extends PollException {
    NeedsReconnect(String message) {
      super(message);
    }
  }
}
