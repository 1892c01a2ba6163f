package io.aegntic.studio.serving.auth;

import jakarta.validation.Valid;
import java.net.InetSocketAddress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth}: register, login, refresh, logout, me and stream tickets. */
@RestController
@RequestMapping("/api/auth")
class AuthController {
  private final AuthService auth;

  AuthController(AuthService auth) {
    this.auth = auth;
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<AuthApi.Tokens> register(@Valid @RequestBody AuthApi.RegisterRequest request) {
    return auth.register(request);
  }

  @PostMapping("/login")
  Mono<AuthApi.Tokens> login(
      @Valid @RequestBody AuthApi.LoginRequest request, ServerWebExchange exchange) {
    // The socket address, not X-Forwarded-For: a client cannot choose it to dodge the throttle.
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String address =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    return auth.login(request, address);
  }

  @PostMapping("/refresh")
  Mono<AuthApi.Tokens> refresh(@Valid @RequestBody AuthApi.RefreshRequest request) {
    return auth.refresh(request.refreshToken());
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> logout(@Valid @RequestBody AuthApi.RefreshRequest request) {
    return auth.logout(request.refreshToken());
  }

  @GetMapping("/me")
  Mono<AuthApi.Me> me(@AuthenticationPrincipal Jwt jwt) {
    return auth.me(AccessTokens.userId(jwt));
  }

  /** A short-lived token valid only on {@code /api/stream}, for EventSource's query string. */
  @PostMapping("/stream-token")
  AuthApi.StreamTicket streamToken(@AuthenticationPrincipal Jwt jwt) {
    return auth.streamTicket(AccessTokens.userId(jwt), jwt.getClaimAsString("email"));
  }
}
