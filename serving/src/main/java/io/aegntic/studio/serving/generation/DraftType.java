package io.aegntic.studio.serving.generation;

import java.util.Locale;

/** What kind of content a draft is. */
public enum DraftType {
  POST,
  CAPTION,
  THREAD,
  VIDEO,
  REPLY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code "post"}, {@code "video"}, ...; throws naming the unknown value. */
  public static DraftType of(String id) {
    for (DraftType t : values()) {
      if (t.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown draft type '" + id + "' (one of post, caption, thread, video, reply)");
  }
}
