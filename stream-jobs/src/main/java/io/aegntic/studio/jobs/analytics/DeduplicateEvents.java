package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.StudioEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops an event whose {@code eventId} was already seen. Seen ids are keyed state (per creator and
 * platform, the job's one key) with a time-to-live longer than any platform's retry horizon (Stripe
 * redelivers for three days). The expiry is explicit: a processing-time sweep per key removes ids
 * older than the TTL. Flink's own state TTL would do the same, but its background cleanup of a heap
 * map state scans the whole map of a key on every access, which made the job several times slower.
 */
final class DeduplicateEvents extends KeyedProcessFunction<String, StudioEvent, StudioEvent> {
  private static final long serialVersionUID = 1L;
  private final long ttl;
  private final long sweepEvery;
  private transient MapState<String, Long> seen;
  private transient ValueState<Long> nextSweep;
  private transient Counter duplicates;

  DeduplicateEvents(Duration ttl) {
    this.ttl = ttl.toMillis();
    this.sweepEvery = Math.min(this.ttl, Duration.ofHours(1).toMillis());
  }

  @Override
  public void open(OpenContext context) {
    seen =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("event-ids-seen-at", Types.STRING, Types.LONG));
    nextSweep = getRuntimeContext().getState(new ValueStateDescriptor<>("next-sweep", Types.LONG));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
  }

  @Override
  public void processElement(StudioEvent event, Context ctx, Collector<StudioEvent> out)
      throws Exception {
    if (seen.contains(event.eventId())) {
      duplicates.inc();
      return;
    }
    long now = ctx.timerService().currentProcessingTime();
    seen.put(event.eventId(), now);
    if (nextSweep.value() == null) {
      scheduleSweep(ctx.timerService(), now);
    }
    out.collect(event);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<StudioEvent> out)
      throws Exception {
    Iterator<Map.Entry<String, Long>> ids = seen.iterator();
    while (ids.hasNext()) {
      if (ids.next().getValue() <= timestamp - ttl) {
        ids.remove();
      }
    }
    if (seen.isEmpty()) {
      seen.clear(); // drops the key's (empty) map itself
      nextSweep.clear();
    } else {
      scheduleSweep(ctx.timerService(), timestamp);
    }
  }

  private void scheduleSweep(org.apache.flink.streaming.api.TimerService timers, long now)
      throws Exception {
    long at = now + sweepEvery;
    timers.registerProcessingTimeTimer(at);
    nextSweep.update(at);
  }
}
