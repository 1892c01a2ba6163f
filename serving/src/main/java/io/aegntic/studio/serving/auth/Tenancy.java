package io.aegntic.studio.serving.auth;

import io.aegntic.studio.serving.config.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which creators the signed-in user may act for. The user comes only from the verified token; every
 * tenant-scoped query is filtered by these creator ids.
 */
@Component
public class Tenancy {
  private final DatabaseClient db;

  Tenancy(DatabaseClient db) {
    this.db = db;
  }

  /** The user's creator ids, oldest (the primary one) first. */
  public Mono<List<String>> creators(Jwt jwt) {
    return creators(AccessTokens.userId(jwt));
  }

  public Mono<List<String>> creators(UUID userId) {
    return db.sql("SELECT id FROM creators WHERE owner_id = :owner ORDER BY created_at, id")
        .bind("owner", userId)
        .map(row -> row.get("id", String.class))
        .all()
        .collectList();
  }

  /**
   * The creator a request acts for: {@code requested} if the user owns it (else 404, so another
   * tenant's ids are not revealed), or the user's primary creator when none is requested.
   */
  public Mono<String> resolve(Jwt jwt, String requested) {
    return creators(jwt)
        .flatMap(
            owned -> {
              if (requested == null || requested.isBlank()) {
                return owned.isEmpty()
                    ? Mono.error(ApiException.notFound("creator"))
                    : Mono.just(owned.get(0));
              }
              return owned.contains(requested)
                  ? Mono.just(requested)
                  : Mono.error(ApiException.notFound("creator"));
            });
  }
}
