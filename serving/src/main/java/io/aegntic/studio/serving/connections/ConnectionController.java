package io.aegntic.studio.serving.connections;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/connections}: the platform accounts of the user's creators. */
@RestController
@RequestMapping("/api/connections")
class ConnectionController {
  private final Tenancy tenancy;
  private final ConnectionStore store;

  ConnectionController(Tenancy tenancy, ConnectionStore store) {
    this.tenancy = tenancy;
    this.store = store;
  }

  @GetMapping
  Mono<ConnectionApi.ConnectionList> list(@AuthenticationPrincipal Jwt jwt) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> store.list(cs).collectList())
        .map(ConnectionApi.ConnectionList::new);
  }

  @GetMapping("/{id}")
  Mono<ConnectionApi.Connection> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy.creators(jwt).flatMap(cs -> store.get(cs, uuid(id))).switchIfEmpty(missing());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<ConnectionApi.Connection> create(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ConnectionApi.CreateRequest request) {
    return tenancy
        .resolve(jwt, request.creatorId())
        .flatMap(creator -> store.insert(creator, request))
        .switchIfEmpty(
            Mono.error(
                new ApiException(
                    HttpStatus.CONFLICT,
                    "already_connected",
                    "this account is already connected for the creator")));
  }

  @PatchMapping("/{id}")
  Mono<ConnectionApi.Connection> update(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String id,
      @Valid @RequestBody ConnectionApi.UpdateRequest request) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> store.get(cs, uuid(id)))
        .switchIfEmpty(missing())
        .flatMap(existing -> store.update(existing, request));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> store.delete(cs, uuid(id)))
        .flatMap(n -> n == 0 ? missing().then() : Mono.<Void>empty());
  }

  private static Mono<ConnectionApi.Connection> missing() {
    return Mono.error(ApiException.notFound("connection"));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("connection");
    }
  }
}
