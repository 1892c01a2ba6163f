package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

/**
 * Ids seen by the version that kept them in a map state stay duplicates after the upgrade to {@link
 * SeenIds}. The file {@code state/deduplicate-events-before-compact-ids.snapshot} was written by
 * the harness with the code of commit 5109ed1 (TTL 4 days, processing time 0) after two events of
 * creator {@code legacy-creator}: a Stripe invoice with a contract id ({@code EventIds.of(STRIPE,
 * "evt_legacy_1")}) and an X like with the id {@code legacy-plain-id}.
 */
class DedupeStateMigrationTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private final TestEvents stripe = new TestEvents("legacy-creator", Platform.STRIPE);
  private final TestEvents x = new TestEvents("legacy-creator", Platform.X);
  private final StudioEvent legacyInvoice =
      stripe.event(
          EventIds.of(Platform.STRIPE, "evt_legacy_1"),
          EventType.INVOICE_PAID,
          null,
          1,
          new EventPayload.Payment("in_l1", null, new Money(500, "EUR")));
  private final StudioEvent legacyLike =
      x.event("legacy-plain-id", EventType.LIKE, "p1", 2, new EventPayload.Interaction(1));

  @Test
  void anIdSeenBeforeTheUpgradeIsADuplicateAndStaysOneAcrossTheNextCheckpoint() throws Exception {
    OperatorSubtaskState next;
    StudioEvent fresh = stripe.paid("in_new", 700, 3);
    try (var h = restored(OperatorSnapshotUtil.readStateHandle(legacyFile()))) {
      h.processElement(legacyInvoice, 0); // the key's first touch: a duplicate
      h.processElement(fresh, 0);
      assertThat(h.extractOutputValues()).containsExactly(fresh);
      next = h.snapshot(2, 2);
    }
    try (var h = restored(next)) {
      h.processElement(legacyInvoice, 0);
      h.processElement(fresh, 0);
      h.processElement(legacyLike, 0);
      assertThat(h.extractOutputValues()).isEmpty();

      h.setProcessingTime(5 * DAY); // past the TTL: every id forgotten, nothing left behind
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void aKeyWithNoNewEventsMovesItsIdsAtItsNextSweep() throws Exception {
    try (var h = restored(OperatorSnapshotUtil.readStateHandle(legacyFile()))) {
      h.setProcessingTime(HOUR); // the sweeps the old version scheduled
      assertThat(keysWith(h, "event-ids-seen-at")).isZero();
      assertThat(keysWith(h, "seen-event-ids")).isEqualTo(2);

      h.processElement(legacyLike, 0);
      h.processElement(legacyInvoice, 0);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(h.numProcessingTimeTimers()).isEqualTo(2); // one next sweep per key
    }
  }

  private static long keysWith(
      KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, StudioEvent> h, String state) {
    return h.getOperator()
        .<String>getKeyedStateBackend()
        .getKeys(state, VoidNamespace.INSTANCE)
        .count();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, StudioEvent, StudioEvent> restored(
      OperatorSubtaskState state) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DeduplicateEvents(Duration.ofDays(4))),
            EventKeys::of,
            Types.STRING);
    h.setProcessingTime(0);
    h.initializeState(state);
    h.open();
    return h;
  }

  private String legacyFile() throws Exception {
    return Path.of(
            getClass().getResource("/state/deduplicate-events-before-compact-ids.snapshot").toURI())
        .toString();
  }
}
