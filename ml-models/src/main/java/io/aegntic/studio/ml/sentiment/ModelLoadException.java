package io.aegntic.studio.ml.sentiment;

/** A model file is missing, damaged or does not match the code that loads it. */
public class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
