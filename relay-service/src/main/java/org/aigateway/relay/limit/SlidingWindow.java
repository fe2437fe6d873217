package org.aigateway.relay.limit;

import java.util.Arrays;

/**
 * One limit's 60 s window in memory: a ring of 1-second buckets, each stamped with its second so
 * that a slot reused a minute later starts from zero. Not thread-safe; {@link KeyWindows} guards it.
 */
final class SlidingWindow {

  static final int SECONDS = 60;

  private final long[] stamps = new long[SECONDS];
  private final long[] counts = new long[SECONDS];

  SlidingWindow() {
    Arrays.fill(stamps, Long.MIN_VALUE);
  }

  long used(long nowSecond) {
    long sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (stamps[i] > nowSecond - SECONDS) {
        sum += counts[i];
      }
    }
    return sum;
  }

  void add(long second, long delta) {
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    if (stamps[slot] != second) {
      stamps[slot] = second;
      counts[slot] = 0;
    }
    counts[slot] += delta;
  }

  /** Milliseconds until {@code need} units have left the window, oldest bucket first; 60 s if never. */
  long msUntilFreed(long nowMs, long need) {
    long now = Math.floorDiv(nowMs, 1000);
    long freed = 0;
    for (long second = now - SECONDS + 1; second <= now; second++) {
      int slot = (int) Math.floorMod(second, (long) SECONDS);
      if (stamps[slot] == second) {
        freed += counts[slot];
        if (freed >= need) {
          return (second + SECONDS) * 1000 - nowMs;
        }
      }
    }
    return SECONDS * 1000L;
  }
}
