package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;

/**
 * The job's one partitioning key: creator and platform. Deduplication, snapshot deltas and the
 * windows all run under it, so the stream is shuffled once.
 */
final class EventKeys {
  private EventKeys() {}

  static String of(StudioEvent event) {
    return of(event.creatorId(), event.platform());
  }

  static String of(String creatorId, Platform platform) {
    return creatorId + '|' + platform.id();
  }
}
