package org.aigateway.relay.monitor;

import java.util.Arrays;

/**
 * One (model, channel)'s recent outcomes in memory: a ring of 12 slices of 10 s (2 minutes), each
 * stamped with its slice number so that a slot reused later starts from zero. Not thread-safe;
 * {@link MemoryMonitorStore} locks it.
 */
final class ErrorWindow {

  static final int SLICES = 12;
  static final long SLICE_MS = 10_000;
  /** Below this many requests in the window the error rate is 0: a few failures say little. */
  static final int MIN_REQUESTS = 10;

  private final long[] stamps = new long[SLICES];
  private final long[] requests = new long[SLICES];
  private final long[] errors = new long[SLICES];

  ErrorWindow() {
    Arrays.fill(stamps, Long.MIN_VALUE);
  }

  static long slice(long nowMs) {
    return Math.floorDiv(nowMs, SLICE_MS);
  }

  /** The error rate of these window totals. */
  static double rate(long requests, long errors) {
    return requests < MIN_REQUESTS ? 0 : Math.min(1, (double) errors / requests);
  }

  /** Adds {@code count} outcomes, {@code failed} of them errors, to the current slice. */
  void record(long nowMs, long count, long failed) {
    long slice = slice(nowMs);
    int slot = (int) Math.floorMod(slice, (long) SLICES);
    if (stamps[slot] != slice) {
      stamps[slot] = slice;
      requests[slot] = 0;
      errors[slot] = 0;
    }
    requests[slot] += count;
    errors[slot] += failed;
  }

  double rate(long nowMs) {
    long slice = slice(nowMs);
    long requestSum = 0;
    long errorSum = 0;
    for (int i = 0; i < SLICES; i++) {
      if (stamps[i] > slice - SLICES && stamps[i] <= slice) {
        requestSum += requests[i];
        errorSum += errors[i];
      }
    }
    return rate(requestSum, errorSum);
  }

  /** Whether no outcome of the window is recent enough to count. */
  boolean idle(long nowMs) {
    long slice = slice(nowMs);
    for (long stamp : stamps) {
      if (stamp > slice - SLICES) {
        return false;
      }
    }
    return true;
  }
}
