package io.aegntic.studio.ingest.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Webhook counters: deliveries received and rejected (by reason) per platform, events and dead
 * letters accepted. Publish counts and latency are the publisher's.
 */
@Component
class IngestMetrics {
  private final MeterRegistry registry;

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void received(String platform) {
    counter("studio.ingest.webhooks.received", platform).increment();
  }

  void rejected(String platform, String reason) {
    Counter.builder("studio.ingest.webhooks.rejected")
        .tag("platform", platform)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  void accepted(String platform, Normalised normalised) {
    counter("studio.ingest.webhooks.accepted", platform).increment();
    counter("studio.ingest.events.accepted", platform).increment(normalised.events().size());
    counter("studio.ingest.deadletters", platform).increment(normalised.deadLetters().size());
  }

  private Counter counter(String name, String platform) {
    return Counter.builder(name).tag("platform", platform).register(registry);
  }
}
