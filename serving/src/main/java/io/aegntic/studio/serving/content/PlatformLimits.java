package io.aegntic.studio.serving.content;

import io.aegntic.studio.serving.config.InvalidFields;
import java.util.Map;

/** Body length and hashtag limits per platform, checked before content is stored. */
final class PlatformLimits {
  private static final Map<String, Integer> BODY =
      Map.of(
          "x", 280,
          "linkedin", 3_000,
          "instagram", 2_200,
          "tiktok", 2_200,
          "facebook", 63_206,
          "youtube", 5_000);
  private static final Map<String, Integer> HASHTAGS = Map.of("instagram", 30, "x", 10);

  private PlatformLimits() {}

  static void check(ContentApi.ItemRequest r) {
    int max = BODY.getOrDefault(r.platform(), 20_000);
    int length = r.body().codePointCount(0, r.body().length());
    if (length > max) {
      throw InvalidFields.of(
          "body", "is " + length + " characters; " + r.platform() + " allows " + max);
    }
    int tags = r.hashtags() == null ? 0 : r.hashtags().size();
    int maxTags = HASHTAGS.getOrDefault(r.platform(), 30);
    if (tags > maxTags) {
      throw InvalidFields.of("hashtags", r.platform() + " allows at most " + maxTags + " hashtags");
    }
  }
}
