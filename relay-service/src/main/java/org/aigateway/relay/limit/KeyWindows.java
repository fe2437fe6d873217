package org.aigateway.relay.limit;

/**
 * The request and token windows of one key in memory. Mirrors {@code admit.lua} step for step so
 * that the memory and Redis limiters answer alike. Callers serialise access per key.
 */
final class KeyWindows {

  private final SlidingWindow[] windows = {new SlidingWindow(), new SlidingWindow()};
  private long lastWrite = Long.MIN_VALUE;

  LimitDecision admit(Demand demand, long nowMs) {
    long second = Math.floorDiv(nowMs, 1000);
    long[] used = new long[2];
    int rejectedBy = -1;
    for (int kind = 0; kind < 2; kind++) {
      used[kind] = demand.limit(kind) > 0 ? windows[kind].used(second) : 0;
      if (rejectedBy < 0 && !demand.fits(kind, used[kind])) {
        rejectedBy = kind;
      }
    }
    long[] resetMs = new long[2];
    for (int kind = 0; kind < 2; kind++) {
      if (demand.limit(kind) == 0) {
        continue;
      }
      if (rejectedBy < 0 && demand.cost(kind) > 0) {
        windows[kind].add(second, demand.cost(kind));
        used[kind] += demand.cost(kind);
        lastWrite = second;
      }
      long need = rejectedBy == kind ? demand.shortfall(kind, used[kind]) : 1;
      resetMs[kind] = rejectedBy != kind && used[kind] <= 0 ? 0 : windows[kind].msUntilFreed(nowMs, need);
    }
    return LimitDecision.of(demand, rejectedBy, used, resetMs, second, Reservation.Store.MEMORY);
  }

  void adjustTokens(long second, long delta) {
    windows[LimitKind.TOKENS.ordinal()].add(second, delta);
    lastWrite = Math.max(lastWrite, second);
  }

  /** True once everything this key counted has left the window. */
  boolean idle(long nowMs) {
    return lastWrite <= Math.floorDiv(nowMs, 1000) - SlidingWindow.SECONDS;
  }
}
