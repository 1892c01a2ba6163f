package io.aegntic.studio.serving.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aegntic.studio.serving.ServingItSupport;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthIT extends ServingItSupport {

  @Test
  @SuppressWarnings("unchecked")
  void registerLoginAndMe() {
    String email = "Alice-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.test";
    Map<String, Object> registered =
        client
            .post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", "a long enough password"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(registered).containsKeys("accessToken", "refreshToken", "expiresIn", "user");
    assertThat(creatorOf(registered)).startsWith("creator-");

    client
        .post()
        .uri("/api/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email.toLowerCase(), "password", "another long password"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("email_taken");

    Map<String, Object> login = login(email, "a long enough password", 200);
    client
        .get()
        .uri("/api/auth/me")
        .header("Authorization", "Bearer " + accessToken(login))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.email")
        .isEqualTo(email.toLowerCase())
        .jsonPath("$.creators[0].id")
        .isEqualTo(creatorOf(registered));
  }

  @Test
  void invalidRegistrationNamesTheFields() {
    client
        .post()
        .uri("/api/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", "not-an-email", "password", "short"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("validation_failed")
        .jsonPath("$.fields.email")
        .exists()
        .jsonPath("$.fields.password")
        .exists();
  }

  @Test
  void tamperedExpiredOrMissingTokensGet401Json() throws Exception {
    String token = accessToken(register());
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.replace("\"sub\":\"", "\"sub\":\"0").getBytes());
    String tampered = parts[0] + "." + forged + "." + parts[2];
    String expired =
        sign(
            new JWTClaimsSet.Builder()
                .issuer("aegntic-studio")
                .subject(UUID.randomUUID().toString())
                .claim("typ", "access")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build());
    for (String bad : new String[] {tampered, expired, "not.a.jwt"}) {
      client
          .get()
          .uri("/api/content/items")
          .header("Authorization", "Bearer " + bad)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
          .expectBody()
          .jsonPath("$.error")
          .isEqualTo("unauthorized");
    }
    client
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("unauthorized");
    // The query-string token is accepted on /api/stream only.
    client
        .get()
        .uri("/api/auth/me?access_token=" + token)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  @SuppressWarnings("unchecked")
  void refreshRotatesAndReuseRevokesTheWholeFamily() {
    Map<String, Object> first = register();
    String r1 = (String) first.get("refreshToken");
    Map<String, Object> second = refresh(r1, 200);
    String r2 = (String) second.get("refreshToken");
    assertThat(r2).isNotEqualTo(r1);
    Map<String, Object> third = refresh(r2, 200);
    String r3 = (String) third.get("refreshToken");

    // r1 was used already: replaying it is theft; the family (including live r3) is revoked.
    Map<String, Object> reuse = refresh(r1, 401);
    assertThat(reuse.get("error")).isEqualTo("refresh_token_reused");
    Map<String, Object> afterRevoke = refresh(r3, 401);
    assertThat(afterRevoke.get("error")).isEqualTo("refresh_token_reused");
    assertThat(refresh("made-up-token", 401).get("error")).isEqualTo("refresh_token_invalid");
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    Map<String, Object> tokens = register();
    String refresh = (String) tokens.get("refreshToken");
    client
        .post()
        .uri("/api/auth/logout")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refreshToken", refresh))
        .exchange()
        .expectStatus()
        .isNoContent();
    refresh(refresh, 401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void repeatedFailedLoginsAreSlowedDown() {
    String email = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    client
        .post()
        .uri("/api/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", "the right password"))
        .exchange()
        .expectStatus()
        .isCreated();
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(login(email, "wrong password " + i, 401).get("error"))
          .isEqualTo("invalid_credentials");
    }
    login(email, "wrong password again", 401);
    // Locked now: even the right password waits, and the answer says for how long.
    client
        .post()
        .uri("/api/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", "the right password"))
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("too_many_attempts");
  }

  @Test
  @SuppressWarnings("unchecked")
  void streamTicketsWorkOnlyOnTheStream() {
    String access = accessToken(register());
    Map<String, Object> ticket =
        client
            .post()
            .uri("/api/auth/stream-token")
            .header("Authorization", "Bearer " + access)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String stream = (String) ticket.get("streamToken");
    client
        .get()
        .uri("/api/auth/me")
        .header("Authorization", "Bearer " + stream)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> login(String email, String password, int status) {
    return client
        .post()
        .uri("/api/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> refresh(String token, int status) {
    return client
        .post()
        .uri("/api/auth/refresh")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refreshToken", token))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(Base64.getDecoder().decode(JWT_SECRET)));
    return jwt.serialize();
  }
}
