package io.aegntic.studio.events;

import java.util.Locale;

/** Parses lower-case JSON ids of the contract's enums, naming the bad value on failure. */
public final class Enums {
  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String id, String what) {
    if (id != null) {
      try {
        return Enum.valueOf(type, id.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // fall through to the message that names the value
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + id + "'");
  }
}
