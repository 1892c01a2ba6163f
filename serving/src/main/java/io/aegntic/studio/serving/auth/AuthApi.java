package io.aegntic.studio.serving.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/auth}. */
final class AuthApi {
  private AuthApi() {}

  record RegisterRequest(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
          String password,
      @Size(max = 80) String displayName) {}

  record LoginRequest(@NotBlank String email, @NotBlank String password) {}

  record RefreshRequest(@NotBlank String refreshToken) {}

  record CreatorView(String id, String displayName) {}

  record Me(UUID id, String email, String displayName, List<CreatorView> creators) {}

  /** Tokens of a login, registration or refresh; expiries in seconds. */
  record Tokens(
      String accessToken,
      String tokenType,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      Me user) {}

  /** A stream-only ticket for {@code /api/stream?access_token=}. */
  record StreamTicket(String streamToken, long expiresIn) {}
}
