package io.aegntic.studio.serving.content;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/content/items}: the signed-in user's content library across the creators they own.
 * Another tenant's item is indistinguishable from a missing one (404).
 */
@RestController
@RequestMapping("/api/content/items")
class ContentController {
  private final Tenancy tenancy;
  private final ContentStore store;

  ContentController(Tenancy tenancy, ContentStore store) {
    this.tenancy = tenancy;
    this.store = store;
  }

  @GetMapping
  Mono<ContentApi.ItemList> list(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String creatorId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String platform,
      @RequestParam(defaultValue = "200") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("bad_limit", "limit must be 1..1000");
    }
    Mono<java.util.List<String>> scope =
        creatorId == null
            ? tenancy.creators(jwt)
            : tenancy.resolve(jwt, creatorId).map(java.util.List::of);
    return scope
        .flatMap(cs -> store.list(cs, status, platform, limit).collectList())
        .map(ContentApi.ItemList::new);
  }

  @GetMapping("/{id}")
  Mono<ContentApi.Item> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> store.get(cs, uuid(id)))
        .switchIfEmpty(Mono.error(ApiException.notFound("content item")));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<ContentApi.Item> create(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ContentApi.ItemRequest request) {
    PlatformLimits.check(request);
    return tenancy
        .resolve(jwt, request.creatorId())
        .flatMap(creator -> store.insert(creator, request, "manual"));
  }

  @PutMapping("/{id}")
  Mono<ContentApi.Item> update(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String id,
      @Valid @RequestBody ContentApi.ItemRequest request) {
    PlatformLimits.check(request);
    UUID itemId = uuid(id);
    return tenancy
        .creators(jwt)
        .flatMap(
            cs ->
                store
                    .get(cs, itemId)
                    .switchIfEmpty(Mono.error(ApiException.notFound("content item")))
                    .flatMap(
                        existing -> {
                          String target =
                              request.creatorId() == null
                                  ? existing.creatorId()
                                  : request.creatorId();
                          if (!cs.contains(target)) {
                            return Mono.error(ApiException.notFound("creator"));
                          }
                          return store.update(cs, itemId, target, request);
                        }));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy
        .creators(jwt)
        .flatMap(cs -> store.delete(cs, uuid(id)))
        .flatMap(n -> n == 0 ? Mono.error(ApiException.notFound("content item")) : Mono.empty());
  }

  /** A malformed id cannot name anything the caller owns: 404, like a missing one. */
  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("content item");
    }
  }
}
