package io.aegntic.studio.events;

/**
 * A record could not be read: its message says why in words fit for an error response, and {@link
 * #field()} names the missing field when that was the cause.
 */
public final class EventFormatException extends RuntimeException {
  private final String field;

  EventFormatException(String message, String field, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The missing required field, or null when the cause was something else. */
  public String field() {
    return field;
  }
}
