package io.aegntic.studio.serving.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/content}. */
final class ContentApi {
  static final String PLATFORMS = "x|instagram|facebook|youtube|tiktok|linkedin";
  static final String TYPES = "post|thread|reel|video|short|story|article|carousel";
  static final String STATUSES = "draft|scheduled|published|archived";
  static final String HASHTAG = "^#?[\\p{L}\\p{N}_]{1,100}$";

  private ContentApi() {}

  /** Create or replace a content item; {@code creatorId} defaults to the primary creator. */
  record ItemRequest(
      @Size(max = 128) String creatorId,
      @NotBlank @Size(max = 200) String title,
      @NotNull @Size(max = 20_000) String body,
      @NotBlank @Pattern(regexp = PLATFORMS, message = "must be one of " + PLATFORMS)
          String platform,
      @NotBlank @Pattern(regexp = TYPES, message = "must be one of " + TYPES) String type,
      @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
      @Size(max = 30)
          List<@Pattern(regexp = HASHTAG, message = "must be a hashtag") String> hashtags) {}

  record Item(
      UUID id,
      String creatorId,
      String title,
      String body,
      String platform,
      String type,
      String status,
      List<String> hashtags,
      String source,
      Instant createdAt,
      Instant updatedAt) {}

  record ItemList(List<Item> items) {}

  record ScheduleRequest(
      @NotNull UUID contentId,
      @NotNull Instant publishAt,
      @Pattern(regexp = PLATFORMS, message = "must be one of " + PLATFORMS) String platform) {}

  record ScheduleEntry(
      UUID id,
      UUID contentId,
      String creatorId,
      String title,
      String platform,
      Instant publishAt,
      String status,
      Instant createdAt) {}

  record ScheduleList(List<ScheduleEntry> entries) {}
}
