package io.aegntic.studio.serving.auth;

import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.StudioProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Registration, login with throttling, and refresh-token rotation with reuse detection. */
@Service
class AuthService {
  private final Users users;
  private final RefreshTokens refreshTokens;
  private final AccessTokens accessTokens;
  private final LoginThrottle throttle;
  private final PasswordEncoder passwords;
  private final StudioProperties.Jwt settings;
  private final Clock clock;
  private final String dummyHash;

  AuthService(
      Users users,
      RefreshTokens refreshTokens,
      AccessTokens accessTokens,
      LoginThrottle throttle,
      PasswordEncoder passwords,
      StudioProperties properties,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.throttle = throttle;
    this.passwords = passwords;
    this.settings = properties.jwt();
    this.clock = clock;
    this.dummyHash = passwords.encode("not-a-real-password-" + UUID.randomUUID());
  }

  Mono<AuthApi.Tokens> register(AuthApi.RegisterRequest request) {
    String email = normalise(request.email());
    String name =
        request.displayName() == null || request.displayName().isBlank()
            ? email.substring(0, email.indexOf('@'))
            : request.displayName().trim();
    String creatorId =
        "creator-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    return hash(request.password())
        .flatMap(hash -> users.insert(email, hash, name))
        .switchIfEmpty(
            Mono.error(
                new ApiException(
                    HttpStatus.CONFLICT, "email_taken", "email is already registered")))
        .flatMap(user -> users.addCreator(creatorId, user.id(), name).thenReturn(user))
        .flatMap(user -> tokens(user.id(), UUID.randomUUID()));
  }

  Mono<AuthApi.Tokens> login(AuthApi.LoginRequest request, String address) {
    String email = normalise(request.email());
    Duration wait = throttle.retryAfter(email, address);
    if (!wait.isZero()) {
      return Mono.error(tooMany(wait));
    }
    return users
        .byEmail(email)
        .map(user -> new Object[] {user, user.passwordHash()})
        .defaultIfEmpty(new Object[] {null, dummyHash})
        .flatMap(
            found ->
                Mono.fromCallable(() -> passwords.matches(request.password(), (String) found[1]))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(
                        ok -> {
                          if (found[0] == null || !ok) {
                            throttle.failed(email, address);
                            return Mono.error(
                                ApiException.unauthorized(
                                    "invalid_credentials", "wrong email or password"));
                          }
                          throttle.succeeded(email, address);
                          return tokens(((Users.User) found[0]).id(), UUID.randomUUID());
                        }));
  }

  Mono<AuthApi.Tokens> refresh(String token) {
    return refreshTokens
        .consume(token)
        .flatMap(consumed -> tokens(consumed.userId(), consumed.familyId()))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    refreshTokens
                        .reject(token)
                        .flatMap(
                            rejection ->
                                Mono.error(
                                    switch (rejection) {
                                      case REUSED ->
                                          ApiException.unauthorized(
                                              "refresh_token_reused",
                                              "refresh token was already used; all sessions of"
                                                  + " this login are revoked");
                                      case EXPIRED ->
                                          ApiException.unauthorized(
                                              "refresh_token_expired", "refresh token expired");
                                      case UNKNOWN ->
                                          ApiException.unauthorized(
                                              "refresh_token_invalid", "unknown refresh token");
                                    }))));
  }

  Mono<Void> logout(String token) {
    return refreshTokens.revokeFamilyOf(token).then();
  }

  Mono<AuthApi.Me> me(UUID userId) {
    return users
        .byId(userId)
        .switchIfEmpty(
            Mono.error(ApiException.unauthorized("unknown_user", "user no longer exists")))
        .flatMap(
            user ->
                users
                    .creatorsOf(userId)
                    .map(c -> new AuthApi.CreatorView(c.id(), c.displayName()))
                    .collectList()
                    .map(cs -> new AuthApi.Me(user.id(), user.email(), user.displayName(), cs)));
  }

  AuthApi.StreamTicket streamTicket(UUID userId, String email) {
    AccessTokens.IssuedToken ticket = accessTokens.issue(userId, email, true);
    return new AuthApi.StreamTicket(ticket.token(), ticket.expiresIn());
  }

  private Mono<AuthApi.Tokens> tokens(UUID userId, UUID familyId) {
    return me(userId)
        .flatMap(
            me ->
                refreshTokens
                    .issue(userId, familyId, clock.instant().plus(settings.refreshTtl()))
                    .map(
                        refresh -> {
                          AccessTokens.IssuedToken access =
                              accessTokens.issue(userId, me.email(), false);
                          return new AuthApi.Tokens(
                              access.token(),
                              "Bearer",
                              access.expiresIn(),
                              refresh,
                              settings.refreshTtl().toSeconds(),
                              me);
                        }));
  }

  Mono<String> hash(String password) {
    return Mono.fromCallable(() -> passwords.encode(password))
        .subscribeOn(Schedulers.boundedElastic());
  }

  static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static ApiException tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        "too_many_attempts",
        "too many failed logins; try again in " + seconds + " s",
        seconds);
  }
}
