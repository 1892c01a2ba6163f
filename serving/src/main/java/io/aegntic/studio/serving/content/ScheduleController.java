package io.aegntic.studio.serving.content;

import io.aegntic.studio.serving.auth.Tenancy;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.InvalidFields;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/content/schedule}: when content items are to be published. Scheduling an item sets
 * its status to {@code scheduled}; cancelling sets it back to {@code draft}.
 */
@RestController
@RequestMapping("/api/content/schedule")
class ScheduleController {
  private static final Duration MAX_AHEAD = Duration.ofDays(366);
  private final Tenancy tenancy;
  private final ContentStore content;
  private final ScheduleStore schedule;
  private final Clock clock;

  ScheduleController(Tenancy tenancy, ContentStore content, ScheduleStore schedule, Clock clock) {
    this.tenancy = tenancy;
    this.content = content;
    this.schedule = schedule;
    this.clock = clock;
  }

  @GetMapping
  Mono<ContentApi.ScheduleList> list(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Instant start = instant("from", from, clock.instant().minus(Duration.ofDays(7)));
    Instant end = instant("to", to, clock.instant().plus(Duration.ofDays(60)));
    if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_AHEAD) > 0) {
      throw ApiException.badRequest("bad_range", "from must be before to, at most 366 days apart");
    }
    return tenancy
        .creators(jwt)
        .flatMap(cs -> schedule.list(cs, start, end).collectList())
        .map(ContentApi.ScheduleList::new);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<ContentApi.ScheduleEntry> create(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ContentApi.ScheduleRequest request) {
    Instant now = clock.instant();
    if (!request.publishAt().isAfter(now)) {
      throw InvalidFields.of("publishAt", "must be in the future");
    }
    if (request.publishAt().isAfter(now.plus(MAX_AHEAD))) {
      throw InvalidFields.of("publishAt", "must be within 366 days");
    }
    return tenancy
        .creators(jwt)
        .flatMap(
            cs ->
                content
                    .get(cs, request.contentId())
                    .switchIfEmpty(Mono.error(ApiException.notFound("content item")))
                    .flatMap(
                        item ->
                            schedule
                                .insert(
                                    item.creatorId(),
                                    item.id(),
                                    request.platform() == null
                                        ? item.platform()
                                        : request.platform(),
                                    request.publishAt())
                                .switchIfEmpty(
                                    Mono.error(
                                        new ApiException(
                                            HttpStatus.CONFLICT,
                                            "already_scheduled",
                                            "content item already has a pending schedule entry")))
                                .flatMap(
                                    id ->
                                        content
                                            .setStatus(item.creatorId(), item.id(), "scheduled")
                                            .then(schedule.get(cs, id)))));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return tenancy
        .creators(jwt)
        .flatMap(
            cs ->
                schedule
                    .cancel(cs, ContentController.uuid(id))
                    .switchIfEmpty(Mono.error(ApiException.notFound("pending schedule entry")))
                    .flatMap(
                        contentId ->
                            content
                                .get(cs, contentId)
                                .flatMap(
                                    item ->
                                        content.setStatus(item.creatorId(), item.id(), "draft"))))
        .then();
  }

  private static Instant instant(String name, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_" + name, name + " must be an ISO-8601 instant");
    }
  }
}
