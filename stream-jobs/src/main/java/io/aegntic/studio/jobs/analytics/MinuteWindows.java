package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.jobs.analytics.Contribution.Kind;
import io.aegntic.studio.jobs.common.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tumbling event-time windows per content, creator and hashtag (under the creator-platform key),
 * with the emission rules made explicit: EARLY values while a window is open and changing, FINAL
 * when the watermark passes its end, a CORRECTION for each late contribution within the allowed
 * lateness, and the late-late ones to a side output and a metric. State of a window is dropped when
 * its lateness runs out.
 *
 * <p>EARLY, for low latency at a bounded rate: a live window (its end less than one window before
 * the wall clock) that has not emitted for {@code earlyEvery} emits at once (leading edge);
 * otherwise it is marked dirty and the next processing-time tick (every {@code earlyEvery}) emits
 * it. So a change is out within {@code earlyEvery}, and a window emits at most twice per {@code
 * earlyEvery}. Windows of a replay or catch-up (older than that) only emit on ticks, at most once
 * per {@link #CATCH_UP_EVERY}: their FINAL is near and nobody watches them live.
 */
final class MinuteWindows extends KeyedProcessFunction<String, Contribution, MetricUpdate> {
  static final OutputTag<Contribution> TOO_LATE =
      new OutputTag<>("too-late", JsonTypeInfo.of(Contribution.class));
  private static final long serialVersionUID = 1L;
  static final long CATCH_UP_EVERY = 1000;
  private static final Map<String, Platform> PLATFORMS = new HashMap<>();

  static {
    for (Platform p : Platform.values()) {
      PLATFORMS.put(p.id(), p);
    }
  }

  private final long size;
  private final long lateness;
  private final long earlyEvery;
  private transient MapState<String, SeriesWindow> windows;
  private transient ValueState<Long> followers;
  private transient Counter tooLate;
  private transient Counter corrections;
  private transient long lastStart;
  private transient String lastStartText;

  MinuteWindows(Duration size, Duration lateness, Duration earlyEvery) {
    this.size = size.toMillis();
    this.lateness = lateness.toMillis();
    this.earlyEvery = Math.max(1, earlyEvery.toMillis());
  }

  @Override
  public void open(OpenContext context) {
    windows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "series-windows", Types.STRING, TypeInformation.of(SeriesWindow.class)));
    followers =
        getRuntimeContext().getState(new ValueStateDescriptor<>("known-followers", Types.LONG));
    tooLate = getRuntimeContext().getMetricGroup().counter("tooLateContributions");
    corrections = getRuntimeContext().getMetricGroup().counter("corrections");
  }

  @Override
  public void processElement(Contribution c, Context ctx, Collector<MetricUpdate> out)
      throws Exception {
    long start = c.timestamp() - Math.floorMod(c.timestamp(), size);
    long end = start + size;
    long watermark = ctx.timerService().currentWatermark();
    if (end - 1 + lateness <= watermark) {
      tooLate.inc();
      ctx.output(TOO_LATE, c);
      return;
    }
    if (c.kind() == Kind.FOLLOWERS_LEVEL) {
      followers.update(Math.round(c.amount()));
    }
    boolean closed = end - 1 <= watermark;
    long now = ctx.timerService().currentProcessingTime();
    long tickAt = Long.MAX_VALUE;
    boolean created = false;
    for (Target t : targets(c)) {
      String key = SeriesWindow.key(startText(start), t.family, t.scope, t.subject, t.currency);
      SeriesWindow w = windows.get(key);
      if (w == null) { // a window (some 250 bytes) is only built when it is new
        w = SeriesWindow.open(start, end, t.family, t.scope, t.subject, t.currency);
        w.fired = closed;
        created = true;
      }
      w.add(c);
      if (w.fired) {
        corrections.inc();
        emit(ctx.getCurrentKey(), w, Emission.CORRECTION, now, out);
      } else if (live(w, now) && sinceEarly(w, now) >= earlyEvery) {
        emit(ctx.getCurrentKey(), w, Emission.EARLY, now, out); // leading edge
        w.earlyAt = now;
        w.dirty = false;
      } else if (!w.dirty) {
        // A dirty window already has its tick pending (set when it turned dirty, re-set by ticks
        // that leave it dirty): only turning dirty registers one, a timer set look-up saved.
        w.dirty = true;
        tickAt = Math.min(tickAt, tickFor(w, now));
      }
      windows.put(key, w);
    }
    // A window in state already has its timers (registered with it, under the same key and end),
    // so only a new one registers them: a timer set lookup per contribution saved.
    if (created && !closed) {
      ctx.timerService().registerEventTimeTimer(end - 1);
    }
    if (tickAt != Long.MAX_VALUE) {
      ctx.timerService().registerProcessingTimeTimer(tickAt);
    }
    if (created) {
      ctx.timerService().registerEventTimeTimer(end - 1 + lateness);
    }
  }

  /**
   * The window start in decimal, as in the state keys: kept for the last start seen, since
   * consecutive contributions nearly always share their window (formatting it was 2 % of the job).
   */
  private String startText(long start) {
    if (start != lastStart || lastStartText == null) {
      lastStart = start;
      lastStartText = Long.toString(start);
    }
    return lastStartText;
  }

  /** A series a contribution counts towards. */
  private record Target(Family family, Scope scope, String subject, String currency) {}

  /** The series a contribution counts towards. */
  private static List<Target> targets(Contribution c) {
    if (c.kind() == Kind.HASHTAG) {
      return List.of(new Target(Family.ENGAGEMENT, Scope.HASHTAG, c.label(), null));
    } else if (c.kind().engagement()) {
      return bySubject(Family.ENGAGEMENT, c);
    } else if (c.kind().sentiment()) {
      return bySubject(Family.SENTIMENT, c);
    } else if (c.kind() == Kind.COMMENT_TEXT) {
      return List
          .of(); // a text not scored (ScoreComments scores every one it sees): counts nowhere
    } else if (c.kind().audience()) {
      return List.of(new Target(Family.AUDIENCE, Scope.CREATOR, c.creatorId(), null));
    }
    return List.of(new Target(Family.REVENUE, Scope.CREATOR, c.creatorId(), c.label()));
  }

  /** The content's series (when it has one) and the creator's. */
  private static List<Target> bySubject(Family family, Contribution c) {
    Target creator = new Target(family, Scope.CREATOR, c.creatorId(), null);
    return c.contentId() == null
        ? List.of(creator)
        : List.of(new Target(family, Scope.CONTENT, c.contentId(), null), creator);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricUpdate> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    long tickAt = Long.MAX_VALUE;
    // Iterated in place (no copy of the key's windows per tick): values are replaced for existing
    // keys, removals go through the iterator.
    Iterator<Map.Entry<String, SeriesWindow>> entries = windows.iterator();
    while (entries.hasNext()) {
      Map.Entry<String, SeriesWindow> entry = entries.next();
      SeriesWindow w = entry.getValue();
      if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
        if (w.dirty && !w.fired) {
          if (live(w, now) || sinceEarly(w, now) >= CATCH_UP_EVERY) {
            emit(ctx.getCurrentKey(), w, Emission.EARLY, now, out);
            w.earlyAt = now;
            w.dirty = false;
            windows.put(entry.getKey(), w);
          } else {
            tickAt = Math.min(tickAt, tickFor(w, now));
          }
        }
        continue;
      }
      boolean changed = false;
      if (timestamp >= w.windowEnd - 1 && !w.fired) {
        emit(ctx.getCurrentKey(), w, Emission.FINAL, now, out);
        w.fired = true;
        w.dirty = false;
        changed = true;
      }
      if (timestamp >= w.windowEnd - 1 + lateness) {
        entries.remove();
      } else if (changed) {
        windows.put(entry.getKey(), w);
      }
    }
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME && windows.isEmpty()) {
      windows.clear(); // the iterator's removals leave the key's (empty) map itself behind
    }
    if (tickAt != Long.MAX_VALUE) {
      ctx.timerService().registerProcessingTimeTimer(tickAt);
    }
  }

  /**
   * The tick a dirty window needs: the next one (ticks are aligned, so the windows of a key share
   * one timer per tick), or for a replayed window that emitted less than {@link #CATCH_UP_EVERY}
   * ago the first tick at which it may emit again; the ticks in between would find nothing to do.
   */
  private long tickFor(SeriesWindow w, long now) {
    long next = now - Math.floorMod(now, earlyEvery) + earlyEvery;
    if (live(w, now) || w.earlyAt == Long.MIN_VALUE) {
      return next;
    }
    long due = w.earlyAt + CATCH_UP_EVERY;
    return Math.max(next, due + Math.floorMod(-due, earlyEvery));
  }

  private static long sinceEarly(SeriesWindow w, long now) {
    return w.earlyAt == Long.MIN_VALUE ? Long.MAX_VALUE : now - w.earlyAt;
  }

  /** Still watched live: open, or closed less than one window ago by the wall clock. */
  private boolean live(SeriesWindow w, long now) {
    return w.windowEnd + size >= now;
  }

  private void emit(
      String key, SeriesWindow w, Emission emission, long now, Collector<MetricUpdate> out)
      throws Exception {
    int bar = key.lastIndexOf('|');
    Long known = followers.value();
    out.collect(
        new MetricUpdate(
            key.substring(0, bar),
            w.family,
            w.scope,
            w.subject,
            PLATFORMS.get(key.substring(bar + 1)),
            Instant.ofEpochMilli(w.windowStart),
            Instant.ofEpochMilli(w.windowEnd),
            emission,
            SeriesValues.of(w, known == null ? -1 : known),
            SeriesValues.labels(w),
            Instant.ofEpochMilli(now)));
  }
}
