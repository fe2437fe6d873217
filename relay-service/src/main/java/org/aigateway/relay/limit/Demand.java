package org.aigateway.relay.limit;

/** One admission's limits and costs, indexed by {@link LimitKind#ordinal()}; negatives count as 0. */
record Demand(long requestLimit, long tokenLimit, long estimatedTokens) {

  Demand {
    requestLimit = Math.max(0, requestLimit);
    tokenLimit = Math.max(0, tokenLimit);
    estimatedTokens = Math.max(0, estimatedTokens);
  }

  boolean unlimited() {
    return requestLimit == 0 && tokenLimit == 0;
  }

  long limit(int kind) {
    return kind == 0 ? requestLimit : tokenLimit;
  }

  /** What admitting the request adds to the window: one request, its estimated tokens. */
  long cost(int kind) {
    return kind == 0 ? 1 : estimatedTokens;
  }

  /** A request fits while the window is below its limit and the cost does not take it above. */
  boolean fits(int kind, long used) {
    long limit = limit(kind);
    return limit == 0 || (used < limit && used + cost(kind) <= limit);
  }

  /** How much usage must leave the window before a rejected request of this kind would fit. */
  long shortfall(int kind, long used) {
    return used + Math.max(cost(kind), 1) - limit(kind);
  }
}
