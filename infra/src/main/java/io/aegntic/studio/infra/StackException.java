package io.aegntic.studio.infra;

/**
 * A problem starting or stopping the stack that the user can fix, with a message that says what is
 * wrong and what to do. The launcher prints only the message, never a stack trace.
 */
public class StackException extends RuntimeException {

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
