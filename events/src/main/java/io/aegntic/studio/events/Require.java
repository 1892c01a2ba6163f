package io.aegntic.studio.events;

/** Checks used by the records' constructors, so a missing field is named in the error. */
public final class Require {
  private Require() {}

  /** Returns the value, or throws {@link MissingFieldException} naming the field. */
  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new MissingFieldException(field);
    }
    return value;
  }

  /** Returns the non-blank string, or throws {@link MissingFieldException} naming the field. */
  public static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new MissingFieldException(field);
    }
    return value;
  }

  /** Thrown when a required field is absent; its message names the field. */
  public static final class MissingFieldException extends IllegalArgumentException {
    private final String field;

    MissingFieldException(String field) {
      super("missing required field '" + field + "'");
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
