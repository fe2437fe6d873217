package org.aigateway.relay.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;

/** The limiter's meters: rejections per limit, Redis failures, and whether limits are degraded. */
final class LimitMetrics {

  private final MeterRegistry registry;
  private final Counter rejectedRequests;
  private final Counter rejectedTokens;
  private final Counter redisFailures;
  private Gauge degraded;

  LimitMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.rejectedRequests = rejected("requests");
    this.rejectedTokens = rejected("tokens");
    this.redisFailures = Counter.builder("rate_limit_redis_failures")
        .description("Rate-limit calls to Redis that failed or timed out and were answered from memory")
        .register(registry);
  }

  private Counter rejected(String limit) {
    return Counter.builder("rate_limit_rejected")
        .description("Requests refused by a rate limit")
        .tag("limit", limit)
        .register(registry);
  }

  /** Registers the degraded gauge: 1 while limits are per instance because Redis does not answer. */
  void watchDegraded(BooleanSupplier isDegraded) {
    degraded = Gauge.builder("rate_limit_degraded", () -> isDegraded.getAsBoolean() ? 1 : 0)
        .description("1 while rate limits fall back to per-instance memory because Redis does not answer")
        .strongReference(true)
        .register(registry);
  }

  void decided(LimitDecision decision) {
    if (decision.rejectedBy() == LimitKind.REQUESTS) {
      rejectedRequests.increment();
    } else if (decision.rejectedBy() == LimitKind.TOKENS) {
      rejectedTokens.increment();
    }
  }

  void redisFailed() {
    redisFailures.increment();
  }

  /** Unregisters the gauge so that a later limiter in the same process reports its own state. */
  void close() {
    if (degraded != null) {
      registry.remove(degraded);
    }
  }
}
