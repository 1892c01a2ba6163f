package io.aegntic.studio.ingest.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Webhook counters: deliveries received and rejected (by reason) per platform, events and dead
 * letters accepted. Publish counts and latency are the publisher's.
 */
@Component
class IngestMetrics {
  private final MeterRegistry registry;
  // Registered once per name and tags: building and registering per request (Tags, a registry
  // lookup) showed in the ingest benchmark's profile.
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void received(String platform) {
    counter("studio.ingest.webhooks.received", platform).increment();
  }

  void rejected(String platform, String reason) {
    counters
        .computeIfAbsent(
            "studio.ingest.webhooks.rejected|" + platform + "|" + reason,
            k ->
                Counter.builder("studio.ingest.webhooks.rejected")
                    .tag("platform", platform)
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }

  void accepted(String platform, Normalised normalised) {
    counter("studio.ingest.webhooks.accepted", platform).increment();
    counter("studio.ingest.events.accepted", platform).increment(normalised.events().size());
    counter("studio.ingest.deadletters", platform).increment(normalised.deadLetters().size());
  }

  private Counter counter(String name, String platform) {
    return counters.computeIfAbsent(
        name + "|" + platform,
        k -> Counter.builder(name).tag("platform", platform).register(registry));
  }
}
