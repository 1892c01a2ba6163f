package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeduplicateEventsTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private final TestEvents events = new TestEvents("dedupe-creator", Platform.STRIPE);

  private KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, StudioEvent> harness()
      throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DeduplicateEvents(Duration.ofDays(4)), EventKeys::of, Types.STRING);
    h.setProcessingTime(0);
    return h;
  }

  @Test
  void aRedeliveryWithinTheRetryHorizonIsDropped() throws Exception {
    try (var h = harness()) {
      StudioEvent paid = events.paid("in_1", 500, 1);
      StudioEvent other = events.paid("in_2", 700, 2);
      h.processElement(paid, 0);
      h.processElement(other, 0);
      h.setProcessingTime(3 * DAY); // Stripe's last retry
      h.processElement(paid, 0);

      assertThat(h.extractOutputValues()).containsExactly(paid, other);
      assertThat(h.numProcessingTimeTimers()).isEqualTo(1); // the next sweep
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void seenIdsExpireAfterTheTimeToLiveAndTheStateAndTimersAreCleared() throws Exception {
    try (var h = harness()) {
      StudioEvent paid = events.paid("in_3", 500, 1);
      h.processElement(paid, 0);
      h.setProcessingTime(4 * DAY + Duration.ofHours(1).toMillis());
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();

      h.processElement(paid, 0); // a replay long after the horizon counts again
      assertThat(h.extractOutputValues()).containsExactly(paid, paid);
    }
  }
}
