package io.aegntic.studio.serving.connections;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/connections}. Tokens are write-only. */
final class ConnectionApi {
  static final String PLATFORMS = "x|instagram|facebook|youtube|tiktok|linkedin|stripe";

  private ConnectionApi() {}

  record CreateRequest(
      @Size(max = 128) String creatorId,
      @NotBlank @Pattern(regexp = PLATFORMS, message = "must be one of " + PLATFORMS)
          String platform,
      @NotBlank @Size(max = 200) String accountHandle,
      @NotBlank @Size(max = 8192) String accessToken,
      @Size(max = 8192) String refreshToken,
      @Size(max = 1000) String scopes,
      Instant expiresAt) {}

  /** Partial update: null fields are left as they are. */
  record UpdateRequest(
      @Size(max = 200) String accountHandle,
      @Size(min = 1, max = 8192) String accessToken,
      @Size(max = 8192) String refreshToken,
      @Size(max = 1000) String scopes,
      Instant expiresAt,
      @Pattern(regexp = "active|paused|revoked", message = "must be active, paused or revoked")
          String status) {}

  /**
   * A connection; {@code status} is active, paused, revoked, or needs_reconnect (set by ingest's
   * pollers when the platform refuses a refreshed token; a new access token makes it active).
   */
  record Connection(
      UUID id,
      String creatorId,
      String platform,
      String accountHandle,
      String scopes,
      String status,
      Instant expiresAt,
      boolean hasRefreshToken,
      Instant createdAt,
      Instant updatedAt) {}

  record ConnectionList(List<Connection> connections) {}
}
