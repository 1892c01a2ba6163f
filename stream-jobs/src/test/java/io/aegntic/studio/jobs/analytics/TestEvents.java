package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds events of one creator on one platform at readable times (seconds after T0). */
final class TestEvents {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final AtomicLong IDS = new AtomicLong();
  private final String creator;
  private final Platform platform;
  private final Instant t0;

  TestEvents(String creator, Platform platform) {
    this(creator, platform, T0);
  }

  TestEvents(String creator, Platform platform, Instant t0) {
    this.creator = creator;
    this.platform = platform;
    this.t0 = t0;
  }

  String key() {
    return EventKeys.of(creator, platform);
  }

  static long at(double seconds) {
    return T0.toEpochMilli() + Math.round(seconds * 1000);
  }

  /** The time {@code seconds} after this builder's start. */
  Instant time(double seconds) {
    return t0.plusMillis(Math.round(seconds * 1000));
  }

  StudioEvent event(String id, EventType type, String content, double seconds, EventPayload p) {
    Instant t = time(seconds);
    return StudioEvent.of(id, type, platform, creator, content, "actor", t, t, p);
  }

  StudioEvent like(String content, double seconds, long count) {
    return like(next(), content, seconds, count);
  }

  StudioEvent like(String id, String content, double seconds, long count) {
    return event(id, EventType.LIKE, content, seconds, new EventPayload.Interaction(count));
  }

  StudioEvent view(String content, double seconds, long count) {
    return event(next(), EventType.VIEW, content, seconds, new EventPayload.Interaction(count));
  }

  StudioEvent comment(String content, double seconds, String... tags) {
    String id = next();
    return event(
        id,
        EventType.COMMENT,
        content,
        seconds,
        new EventPayload.Comment("c-" + id, "nice", null, List.of(tags)));
  }

  StudioEvent published(String content, double seconds, String... tags) {
    return event(
        next(),
        EventType.POST_PUBLISHED,
        content,
        seconds,
        new EventPayload.PostPublished("t", "x", List.of(tags), null));
  }

  StudioEvent snapshot(String content, double seconds, Long views, Long likes) {
    return event(
        next(),
        EventType.CONTENT_SNAPSHOT,
        content,
        seconds,
        new EventPayload.ContentSnapshot(views, null, likes, null, null, null));
  }

  /** A snapshot of likes and comments only (the other counters unreported). */
  StudioEvent engagementSnapshot(String content, double seconds, long likes, long comments) {
    return event(
        next(),
        EventType.CONTENT_SNAPSHOT,
        content,
        seconds,
        new EventPayload.ContentSnapshot(null, null, likes, comments, null, null));
  }

  /** {@code n} follows (n > 0) or unfollows (n < 0) pushed by webhook. */
  StudioEvent follows(double seconds, long n) {
    return event(
        next(),
        n > 0 ? EventType.FOLLOW : EventType.UNFOLLOW,
        null,
        seconds,
        new EventPayload.Interaction(Math.abs(n)));
  }

  StudioEvent followers(double seconds, long followers) {
    return event(
        next(),
        EventType.AUDIENCE_SNAPSHOT,
        null,
        seconds,
        new EventPayload.AudienceSnapshot(followers));
  }

  StudioEvent subscription(EventType type, String sub, String status, long cents, double s) {
    return event(
        next(),
        type,
        null,
        s,
        new EventPayload.Subscription(sub, "cust", status, new Money(cents, "EUR")));
  }

  StudioEvent paid(String invoice, long cents, double s) {
    return event(
        next(),
        EventType.INVOICE_PAID,
        null,
        s,
        new EventPayload.Payment(invoice, null, new Money(cents, "EUR")));
  }

  static String next() {
    return "e-" + IDS.incrementAndGet();
  }
}
