package io.aegntic.studio.jobs.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The event ids one dedupe key has seen, each with when it was first seen: an open-addressing table
 * of 128-bit id values in one flat array. A look-up is one probe sequence in one array (a HashMap
 * of strings costs a cache miss on the bucket, the node and the string), an id costs 24 bytes a
 * slot instead of about 130, and a checkpoint's copy-on-write is one array copy.
 *
 * <p>Ids are stored as their {@link EventIdBits}: the exact 128 bits of the contract's ids.
 */
final class SeenIds {
  private static final long EMPTY = Long.MIN_VALUE; // in the "seen at" field: a free slot
  private static final int STRIDE = 3; // hi, lo, seen at
  private long[] slots;
  private int size;

  SeenIds() {
    this(16);
  }

  private SeenIds(int capacity) {
    slots = new long[capacity * STRIDE];
    for (int i = 2; i < slots.length; i += STRIDE) {
      slots[i] = EMPTY;
    }
  }

  int size() {
    return size;
  }

  /** Records {@code eventId} as seen at {@code now}; false if it was seen before. */
  boolean add(String eventId, long now) {
    EventIdBits id = EventIdBits.of(eventId);
    return add(id.high(), id.low(), now);
  }

  boolean contains(String eventId) {
    EventIdBits id = EventIdBits.of(eventId);
    return slots[probe(id.high(), id.low()) + 2] != EMPTY;
  }

  /** Forgets the ids first seen at or before {@code cutoff}. */
  void expireUpTo(long cutoff) {
    rebuild(cutoff, false);
  }

  SeenIds copy() {
    SeenIds copy = new SeenIds(0);
    copy.slots = slots.clone();
    copy.size = size;
    return copy;
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < slots.length; i += STRIDE) {
      if (slots[i + 2] != EMPTY) {
        out.writeLong(slots[i]);
        out.writeLong(slots[i + 1]);
        out.writeLong(slots[i + 2]);
      }
    }
  }

  static SeenIds readFrom(DataInput in) throws IOException {
    int n = in.readInt();
    SeenIds ids = new SeenIds(capacityFor(n));
    for (int k = 0; k < n; k++) {
      ids.add(in.readLong(), in.readLong(), in.readLong());
    }
    return ids;
  }

  private boolean add(long hi, long lo, long at) {
    int s = probe(hi, lo);
    if (slots[s + 2] != EMPTY) {
      return false;
    }
    slots[s] = hi;
    slots[s + 1] = lo;
    slots[s + 2] = at;
    if (++size > slots.length / STRIDE * 5 / 8) {
      rebuild(EMPTY, true);
    }
    return true;
  }

  /** The offset of the id's slot, or of the free slot where it would go. */
  private int probe(long hi, long lo) {
    int mask = slots.length / STRIDE - 1;
    for (int i = mix(hi, lo) & mask; ; i = (i + 1) & mask) {
      int s = i * STRIDE;
      if (slots[s + 2] == EMPTY || (slots[s] == hi && slots[s + 1] == lo)) {
        return s;
      }
    }
  }

  /**
   * Moves the ids seen after {@code cutoff} into a fresh table, twice as large or sized for them.
   * Free slots hold {@code EMPTY}, the smallest long, so they are never after any cutoff.
   */
  private void rebuild(long cutoff, boolean grow) {
    long[] old = slots;
    int capacity = old.length / STRIDE * 2;
    if (!grow) {
      int kept = 0;
      for (int i = 2; i < old.length; i += STRIDE) {
        kept += old[i] > cutoff ? 1 : 0;
      }
      if (kept == size) {
        return;
      }
      capacity = capacityFor(kept);
    }
    SeenIds fresh = new SeenIds(capacity);
    for (int i = 0; i < old.length; i += STRIDE) {
      if (old[i + 2] > cutoff) {
        fresh.add(old[i], old[i + 1], old[i + 2]);
      }
    }
    slots = fresh.slots;
    size = fresh.size;
  }

  /** The smallest power of two that holds {@code n} ids under the 5/8 load factor. */
  private static int capacityFor(int n) {
    int capacity = 16;
    while (n > capacity * 5 / 8) {
      capacity *= 2;
    }
    return capacity;
  }

  private static int mix(long hi, long lo) {
    long x = hi ^ (lo * 0x9E3779B97F4A7C15L);
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return (int) (x ^ (x >>> 32));
  }
}
