package io.aegntic.studio.ingest.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Webhook metrics per platform: deliveries received, rejected (by reason) and accepted, events and
 * dead letters accepted, and the time from receipt to the 2xx answer. Publish counts and latency
 * are the publisher's. These replace Spring's {@code http.server.requests} for webhook POSTs (see
 * {@link WebhookConfig#webhookPostsNotObserved}).
 */
@Component
class IngestMetrics {
  private final MeterRegistry registry;
  // Registered once per platform (and reason) and reused: building and registering meters per
  // request (Tags, a registry lookup) showed in the ingest benchmark's profile.
  private final Map<String, PlatformMeters> platforms = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void received(String platform) {
    meters(platform).received.increment();
  }

  void rejected(String platform, String reason) {
    rejected
        .computeIfAbsent(
            platform + "|" + reason,
            k ->
                Counter.builder("studio.ingest.webhooks.rejected")
                    .tag("platform", platform)
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }

  /** A 2xx answer to a delivery received at {@code startNanos} ({@link System#nanoTime()}). */
  void accepted(String platform, Normalised normalised, long startNanos) {
    PlatformMeters m = meters(platform);
    m.accepted.increment();
    m.events.increment(normalised.events().size());
    if (!normalised.deadLetters().isEmpty()) {
      m.deadLetters.increment(normalised.deadLetters().size());
    }
    m.duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  private PlatformMeters meters(String platform) {
    PlatformMeters m = platforms.get(platform);
    return m != null
        ? m
        : platforms.computeIfAbsent(platform, p -> new PlatformMeters(registry, p));
  }

  private static final class PlatformMeters {
    final Counter received;
    final Counter accepted;
    final Counter events;
    final Counter deadLetters;
    final Timer duration;

    PlatformMeters(MeterRegistry registry, String platform) {
      received = counter(registry, "studio.ingest.webhooks.received", platform);
      accepted = counter(registry, "studio.ingest.webhooks.accepted", platform);
      events = counter(registry, "studio.ingest.events.accepted", platform);
      deadLetters = counter(registry, "studio.ingest.deadletters", platform);
      duration =
          Timer.builder("studio.ingest.webhooks.duration")
              .description("receipt of a webhook delivery to its 2xx answer")
              .tag("platform", platform)
              .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String platform) {
      return Counter.builder(name).tag("platform", platform).register(registry);
    }
  }
}
