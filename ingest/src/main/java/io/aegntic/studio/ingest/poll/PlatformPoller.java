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

  /**
   * Whether a refresh authenticates the client with HTTP Basic ({@code client_id:client_secret},
   * RFC 6749 2.3.1) instead of {@code client_secret} in the form, as X requires of confidential
   * clients.
   */
  default boolean basicClientAuth() {
    return false;
  }

  /**
   * How the platform renews access: {@code REFRESH_TOKEN} (OAuth 2.0 refresh grant, form POST to
   * the token URL) or {@code EXCHANGE_ACCESS_TOKEN} (Meta's long-lived tokens: a GET of the token
   * URL with {@code grant_type=ig_refresh_token&access_token=...} while the token is still valid).
   */
  default Renewal renewal() {
    return Renewal.REFRESH_TOKEN;
  }

  /** Whether a response says the access token is refused (401; Meta also 400 code 190). */
  default boolean unauthorized(ApiResponse response) {
    return response.status() == 401;
  }

  /** See {@link #renewal()}. */
  enum Renewal {
    REFRESH_TOKEN,
    EXCHANGE_ACCESS_TOKEN
  }

  /** Where the platform's quota day starts and ends. */
  default ZoneId quotaZone() {
    return ZoneOffset.UTC;
  }

  /** Reads platform-specific limit signals in a response (e.g. a quota error) into the limiter. */
  default void inspect(ApiResponse response, RateLimiter limiter) {}
}
