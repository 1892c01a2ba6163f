package io.aegntic.studio.ingest.publish;

/** Some record of a batch was not acknowledged by the broker (down, slow or refusing). */
public final class PublishException extends RuntimeException {
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
