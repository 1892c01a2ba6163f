package io.aegntic.studio.jobs.analytics;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time from {@code occurredAt}, watermarks trailing the largest time seen by the allowed
 * out-of-orderness, and idleness so a quiet partition does not hold the job's clock back.
 */
final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  /**
   * The strategy. {@code perEvent} advances the watermark on every record instead of on Flink's
   * periodic tick: deterministic for tests and replays, slightly more watermark traffic.
   */
  static WatermarkStrategy<Incoming> strategy(
      Duration outOfOrderness, Duration idleness, boolean perEvent) {
    WatermarkStrategy<Incoming> base =
        WatermarkStrategy.<Incoming>forGenerator(
                ctx -> new Generator(outOfOrderness.toMillis(), perEvent))
            .withTimestampAssigner((incoming, kafkaTime) -> incoming.eventTime());
    return idleness.isZero() ? base : base.withIdleness(idleness);
  }

  /** Bounded out-of-orderness, like Flink's, that can also emit as soon as time advances. */
  static final class Generator implements WatermarkGenerator<Incoming> {
    private final long delay;
    private final boolean perEvent;
    private long maxTimestamp;

    Generator(long delay, boolean perEvent) {
      this.delay = delay;
      this.perEvent = perEvent;
      this.maxTimestamp = Long.MIN_VALUE + delay + 1;
    }

    @Override
    public void onEvent(Incoming event, long timestamp, WatermarkOutput output) {
      if (timestamp > maxTimestamp) {
        maxTimestamp = timestamp;
        if (perEvent) {
          onPeriodicEmit(output);
        }
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      output.emitWatermark(new Watermark(maxTimestamp - delay - 1));
    }
  }
}
