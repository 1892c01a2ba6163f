package io.aegntic.studio.serving.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aegntic.studio.serving.config.StudioProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Issues and verifies the short-lived HS256 access JWTs. A token names the user ({@code sub}); its
 * {@code typ} is {@code access} (every API path, including the stream) or {@code stream} (a
 * minutes-long ticket valid only on {@code /api/stream}, meant for the EventSource query string).
 */
@Component
public class AccessTokens {
  /** Authority of access tokens: the REST API. */
  public static final String API = "api";

  /** Authority of access and stream tokens: the live stream. */
  public static final String STREAM = "stream";

  private final byte[] secret;
  private final StudioProperties.Jwt settings;
  private final Clock clock;

  AccessTokens(StudioProperties properties, Clock clock) {
    this.settings = properties.jwt();
    this.clock = clock;
    if (settings == null || settings.secret() == null || settings.secret().isBlank()) {
      throw new IllegalStateException("STUDIO_JWT_SECRET (studio.jwt.secret) is not set");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(settings.secret().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("STUDIO_JWT_SECRET is not valid base64");
    }
    if (key.length < 32) {
      throw new IllegalStateException("STUDIO_JWT_SECRET must decode to at least 32 bytes");
    }
    this.secret = key;
  }

  /** A signed token for {@code userId}; {@code type} is {@link #API} access or {@link #STREAM}. */
  public IssuedToken issue(UUID userId, String email, boolean streamOnly) {
    Duration ttl = streamOnly ? settings.streamTtl() : settings.accessTtl();
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .subject(userId.toString())
            .claim("email", email)
            .claim("typ", streamOnly ? "stream" : "access")
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return new IssuedToken(jwt.serialize(), ttl.toSeconds());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign access token", e);
    }
  }

  /** Verifies signature (HS256 only), issuer and expiry. */
  public ReactiveJwtDecoder decoder() {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
    return decoder;
  }

  /** Maps a verified token to its authorities: stream tickets get only {@link #STREAM}. */
  public Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
    List<SimpleGrantedAuthority> authorities =
        "access".equals(jwt.getClaimAsString("typ"))
            ? List.of(new SimpleGrantedAuthority(API), new SimpleGrantedAuthority(STREAM))
            : "stream".equals(jwt.getClaimAsString("typ"))
                ? List.of(new SimpleGrantedAuthority(STREAM))
                : List.of();
    return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
  }

  /** The user a verified token names. */
  public static UUID userId(Jwt jwt) {
    return UUID.fromString(jwt.getSubject());
  }

  /** A serialized token and its lifetime in seconds. */
  public record IssuedToken(String token, long expiresIn) {}
}
