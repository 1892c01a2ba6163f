package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.StudioEvent;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops an event whose {@code eventId} was already seen. Seen ids are keyed state (per creator and
 * platform, the job's one key), one compact {@link SeenIds} table per key, kept longer than any
 * platform's retry horizon (Stripe redelivers for three days): a processing-time sweep per key
 * forgets ids older than the TTL. Flink's own state TTL would do the same, but its cleanup of a
 * heap map state scans the whole map of a key on every access.
 *
 * <p>The table is changed in place and written back with {@code update}: cheap on the heap backend,
 * which the job uses (docs/flink.md, "State"). Ids kept by an earlier version in a map state
 * ({@code event-ids-seen-at}) move into the table the first time their key is touched.
 */
final class DeduplicateEvents extends KeyedProcessFunction<String, StudioEvent, StudioEvent> {
  private static final long serialVersionUID = 1L;
  private final long ttl;
  private final long sweepEvery;
  private transient ValueState<SeenIds> seen;
  private transient MapState<String, Long> legacySeen;
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
            .getState(new ValueStateDescriptor<>("seen-event-ids", new SeenIdsSerializer()));
    legacySeen =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("event-ids-seen-at", Types.STRING, Types.LONG));
    nextSweep = getRuntimeContext().getState(new ValueStateDescriptor<>("next-sweep", Types.LONG));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
  }

  @Override
  public void processElement(StudioEvent event, Context ctx, Collector<StudioEvent> out)
      throws Exception {
    SeenIds ids = current();
    long now = ctx.timerService().currentProcessingTime();
    if (!ids.add(event.eventId(), now)) {
      duplicates.inc();
      return;
    }
    seen.update(ids);
    // A key's sweep is scheduled with its first id and cleared with its last: only a table that
    // just got its first id can lack one.
    if (ids.size() == 1 && nextSweep.value() == null) {
      scheduleSweep(ctx.timerService(), now);
    }
    out.collect(event);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<StudioEvent> out)
      throws Exception {
    SeenIds ids = current();
    ids.expireUpTo(timestamp - ttl);
    if (ids.size() == 0) {
      seen.clear();
      nextSweep.clear();
    } else {
      seen.update(ids);
      scheduleSweep(ctx.timerService(), timestamp);
    }
  }

  /** This key's table; on a key's first touch, with the ids an earlier version kept moved in. */
  private SeenIds current() throws Exception {
    SeenIds ids = seen.value();
    if (ids != null) {
      return ids;
    }
    ids = new SeenIds();
    if (!legacySeen.isEmpty()) {
      for (Map.Entry<String, Long> id : legacySeen.entries()) {
        ids.add(id.getKey(), id.getValue());
      }
      legacySeen.clear();
      seen.update(ids); // even if this event turns out a duplicate
    }
    return ids;
  }

  private void scheduleSweep(TimerService timers, long now) throws Exception {
    long at = now + sweepEvery;
    timers.registerProcessingTimeTimer(at);
    nextSweep.update(at);
  }
}
