package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.Platform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenIdsTest {
  private static final String CANONICAL = EventIds.of(Platform.X, "tweet", "1");

  @Test
  void anIdIsSeenOnceAndOnlyExactlyEqualStringsMatch() {
    SeenIds ids = new SeenIds();
    assertThat(ids.add(CANONICAL, 1)).isTrue();
    assertThat(ids.add(CANONICAL, 2)).isFalse();
    assertThat(ids.add(CANONICAL.toUpperCase(), 3)).isTrue(); // another string, another id
    assertThat(ids.add("e-1", 4)).isTrue();
    assertThat(ids.add("e-1", 5)).isFalse();
    assertThat(ids.add("e-10", 6)).isTrue();
    assertThat(ids.contains(CANONICAL.substring(1) + "0")).isFalse();
    assertThat(ids.size()).isEqualTo(4);
  }

  @Test
  void theFirstSightingCountsForExpiry() {
    SeenIds ids = new SeenIds();
    ids.add(CANONICAL, 10);
    ids.add(CANONICAL, 50); // a redelivery does not extend the id's life
    ids.add("e-1", 20);
    ids.expireUpTo(10);
    assertThat(ids.contains(CANONICAL)).isFalse();
    assertThat(ids.contains("e-1")).isTrue();
    assertThat(ids.size()).isEqualTo(1);
  }

  @Test
  void manyIdsGrowTheTableAndExpireInOrder() {
    SeenIds ids = new SeenIds();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      String id = EventIds.of(Platform.YOUTUBE, "video", Integer.toString(i));
      added.add(id);
      assertThat(ids.add(id, i)).isTrue();
    }
    assertThat(ids.size()).isEqualTo(50_000);
    assertThat(added).allMatch(ids::contains);
    assertThat(added).noneMatch(id -> ids.add(id, 99_999)); // in the small table or the large one
    assertThat(ids.size()).isEqualTo(50_000);
    // Ids never added, probed past many occupied slots: none is seen
    for (int i = 50_000; i < 100_000; i++) {
      assertThat(ids.contains(EventIds.of(Platform.YOUTUBE, "video", Integer.toString(i))))
          .isFalse();
    }

    ids.expireUpTo(29_999);
    assertThat(ids.size()).isEqualTo(20_000);
    assertThat(added.subList(0, 30_000)).noneMatch(ids::contains);
    assertThat(added.subList(30_000, 50_000)).allMatch(ids::contains);
    assertThat(ids.add(added.get(0), 60_000)).isTrue();
  }

  @Test
  void aCopyIsIndependentOfItsOriginal() {
    SeenIds original = new SeenIds();
    original.add("e-1", 1);
    SeenIds copy = original.copy();
    copy.add("e-2", 2);
    original.expireUpTo(1);
    assertThat(original.size()).isZero();
    assertThat(copy.contains("e-1")).isTrue();
    assertThat(copy.contains("e-2")).isTrue();
    assertThat(original.contains("e-2")).isFalse();
  }
}
