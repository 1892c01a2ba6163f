package io.aegntic.studio.ingest.poll;

import io.aegntic.studio.events.Platform;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What polls one platform: a cycle for one connection, and the platform's own error signals. */
public interface PlatformPoller {

  Platform platform();

  /** One cycle for the session's connection: whatever of its schedule is due. */
  void poll(PollSession session);

  /** The form field naming the OAuth client in a refresh request ({@code client_key} on TikTok). */
  default String clientIdParam() {
    return "client_id";
  }

  /** Where the platform's quota day starts and ends. */
  default ZoneId quotaZone() {
    return ZoneOffset.UTC;
  }

  /** Reads platform-specific limit signals in a response (e.g. a quota error) into the limiter. */
  default void inspect(ApiResponse response, RateLimiter limiter) {}
}
