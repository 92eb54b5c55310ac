package io.eventcontracts.runtime.internal;

/**
 * The stream sequences a subscription has recently finished with (acked, or dead-lettered and acked). A copy of
 * such a message can still arrive: the server redelivered it while the handler was working past the ack wait, or
 * the ack was lost. The handler must never see it again; the runtime acks the copy and moves on.
 *
 * <p>Bounded: an open-addressing ring of the last {@link #CAPACITY} sequences (older ones are forgotten; a copy of a
 * message finished that long ago is handled again, as without this memory). Thread-safe by one lock, held for a
 * few array writes.
 */
final class RecentSequences {

  static final int CAPACITY = 4096;
  private final long[] ring = new long[CAPACITY];
  private final long[] table = new long[CAPACITY * 2];
  private int next;
  private int size;

  synchronized void add(long sequence) {
    if (sequence <= 0 || contains0(sequence)) {
      return;
    }
    if (size == CAPACITY) {
      remove0(ring[next]);
    } else {
      size++;
    }
    ring[next] = sequence;
    next = (next + 1) % CAPACITY;
    insert0(sequence);
  }

  synchronized boolean contains(long sequence) {
    return sequence > 0 && contains0(sequence);
  }

  private int slot(long sequence) {
    long h = sequence * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 33) & (table.length - 1);
  }

  private boolean contains0(long sequence) {
    for (int i = slot(sequence); ; i = (i + 1) & (table.length - 1)) {
      if (table[i] == sequence) {
        return true;
      }
      if (table[i] == 0) {
        return false;
      }
    }
  }

  private void insert0(long sequence) {
    int i = slot(sequence);
    while (table[i] != 0) {
      i = (i + 1) & (table.length - 1);
    }
    table[i] = sequence;
  }

  /** Linear-probing deletion: re-insert the rest of the cluster. */
  private void remove0(long sequence) {
    int i = slot(sequence);
    while (table[i] != sequence) {
      if (table[i] == 0) {
        return;
      }
      i = (i + 1) & (table.length - 1);
    }
    table[i] = 0;
    for (int j = (i + 1) & (table.length - 1); table[j] != 0; j = (j + 1) & (table.length - 1)) {
      long moved = table[j];
      table[j] = 0;
      insert0(moved);
    }
  }
}
