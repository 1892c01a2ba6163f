package io.aegntic.studio.ml.cli;

/** Bad command-line arguments: the CLI prints the message and usage and exits with code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
