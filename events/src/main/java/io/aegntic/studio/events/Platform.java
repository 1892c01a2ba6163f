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

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a platform id such as {@code "youtube"}; throws naming the unknown value. */
  @JsonCreator
  public static Platform of(String id) {
    if (id != null) {
      for (Platform p : values()) {
        if (p.id().equalsIgnoreCase(id)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("unknown platform '" + id + "'");
  }
}
