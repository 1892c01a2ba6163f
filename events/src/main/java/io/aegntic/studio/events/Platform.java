package io.aegntic.studio.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A source of events: the social platforms and Stripe. Written in JSON in lower case. */
public enum Platform {
  X,
  INSTAGRAM,
  FACEBOOK,
  YOUTUBE,
  TIKTOK,
  LINKEDIN,
  STRIPE;

  // Computed once: ids are written and compared for every event.
  private static final Platform[] ALL = values();
  private final String id = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a platform id such as {@code "youtube"}; throws naming the unknown value. */
  @JsonCreator
  public static Platform of(String id) {
    if (id != null) {
      for (Platform p : ALL) {
        if (p.id.equalsIgnoreCase(id)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("unknown platform '" + id + "'");
  }
}
