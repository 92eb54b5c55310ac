package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The memory of finished stream sequences: remembers the last 4096, forgets the oldest first, ignores non-positive. */
class RecentSequencesSpecTest {

  @Test
  void aFinishedSequenceIsRememberedAndOthersAreNot() {
    RecentSequences finished = new RecentSequences();

    finished.add(42);

    assertThat(finished.contains(42)).isTrue();
    assertThat(finished.contains(41)).isFalse();
    assertThat(finished.contains(43)).isFalse();
  }

  @Test
  void zeroAndNegativeSequencesMeanUnknownAndAreNeverRemembered() {
    RecentSequences finished = new RecentSequences();

    finished.add(0);
    finished.add(-1);

    assertThat(finished.contains(0)).isFalse();
    assertThat(finished.contains(-1)).isFalse();
    finished.add(1);
    assertThat(finished.contains(1)).isTrue();
  }

  @Test
  void exactlyCapacitySequencesAreAllRememberedAndOneMoreForgetsTheOldest() {
    RecentSequences finished = new RecentSequences();

    LongStream.rangeClosed(1, RecentSequences.CAPACITY).forEach(finished::add);
    assertThat(LongStream.rangeClosed(1, RecentSequences.CAPACITY).allMatch(finished::contains)).isTrue();

    finished.add(RecentSequences.CAPACITY + 1);
    assertThat(finished.contains(1)).isFalse();
    assertThat(LongStream.rangeClosed(2, RecentSequences.CAPACITY + 1).allMatch(finished::contains)).isTrue();
  }

  @Test
  void addingARememberedSequenceAgainDoesNotTakeASecondSlot() {
    RecentSequences finished = new RecentSequences();
    finished.add(1);
    for (int i = 0; i < 10; i++) {
      finished.add(1);
    }

    LongStream.rangeClosed(2, RecentSequences.CAPACITY).forEach(finished::add);

    // 1 … 4096 fill the ring exactly once: nothing forgotten
    assertThat(finished.contains(1)).isTrue();
    assertThat(finished.contains(RecentSequences.CAPACITY)).isTrue();
  }

  @Test
  void aLongRunOfSequencesKeepsExactlyTheLastCapacityOnes() {
    // sparse and colliding sequences exercise the probing and the deletion that re-inserts a cluster
    RecentSequences finished = new RecentSequences();
    long total = 5L * RecentSequences.CAPACITY + 17;
    for (long s = 1; s <= total; s++) {
      finished.add(s * 8191);
    }

    long firstKept = total - RecentSequences.CAPACITY + 1;
    assertThat(finished.contains((firstKept - 1) * 8191)).isFalse();
    assertThat(LongStream.rangeClosed(firstKept, total).allMatch(s -> finished.contains(s * 8191))).isTrue();
    assertThat(LongStream.range(1, firstKept).noneMatch(s -> finished.contains(s * 8191))).isTrue();
  }
}
