package org.aigateway.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MemoryLimiterTest {

  private static final LimitKey KEY = LimitKey.of("acme", "gpt-4o-mini");

  private final MutableClock clock = new MutableClock(LimiterFixture.T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RateLimiter limiter;

  @BeforeEach
  void setUp(Vertx vertx) {
    limiter = RateLimiters.create(vertx, null, config(), clock, registry);
  }

  @AfterEach
  void tearDown() {
    limiter.close();
  }

  @Test
  @DisplayName("Without Redis the factory gives a memory limiter that is never degraded and counts refusals")
  void memoryWithoutRedis() {
    assertThat(limiter).isInstanceOf(MemoryRateLimiter.class);
    Await.result(limiter.admit(KEY, 1, 0, 0));
    Await.result(limiter.admit(KEY, 1, 0, 0));

    assertThat(limiter.degraded()).isFalse();
    assertThat(registry.get("rate_limit_rejected").tag("limit", "requests").counter().count()).isEqualTo(1);
    assertThat(registry.get("rate_limit_degraded").gauge().value()).isZero();
  }

  @Test
  @DisplayName("Keys drop out of memory once everything they counted has left the window")
  void evictsIdleKeys() {
    MemoryRateLimiter memory = (MemoryRateLimiter) limiter;
    Await.result(memory.admit(KEY, 5, 0, 0));
    clock.advance(30_000);
    Await.result(memory.admit(LimitKey.of("acme", "other"), 5, 0, 0));

    clock.advance(29_000);
    memory.evictIdle();
    assertThat(memory.keyCount()).isEqualTo(2);
    clock.advance(1_000);
    memory.evictIdle();
    assertThat(memory.keyCount()).isEqualTo(1);
    clock.advance(30_000);
    memory.evictIdle();
    assertThat(memory.keyCount()).isZero();
  }

  @Test
  @DisplayName("Admissions of one key from many threads at once admit exactly the limit")
  void threadSafe() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        calls.add(() -> Await.result(limiter.admit(KEY, 300, 30_000, 10)).allowed());
      }
      long admitted = 0;
      for (Future<Boolean> result : threads.invokeAll(calls)) {
        admitted += result.get() ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(300);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName("Unlimited dimensions never reach Redis: a key with no limits makes no call at all")
  void unlimitedMakesNoRedisCall(Vertx vertx) {
    RecordingRedis redis = new RecordingRedis();
    RateLimiter shared = RateLimiters.create(vertx, redis, config(), clock, new SimpleMeterRegistry());

    LimitDecision decision = Await.result(shared.admit(KEY, 0, 0, 5_000));
    Await.result(shared.reconcile(KEY, decision.reservation(), 9_000));

    assertThat(decision).isEqualTo(LimitDecision.unlimited());
    assertThat(RateLimitHeaders.of(decision)).isEmpty();
    assertThat(redis.calls()).isZero();
    assertThat(shared.degraded()).isFalse();

    assertThat(Await.result(shared.admit(KEY, 1, 0, 0)).allowed()).isTrue();
    assertThat(redis.calls()).isPositive();
    assertThat(shared.degraded()).isTrue();
    shared.close();
  }

  private static LimitConfig config() {
    return new LimitConfig(100, 1_000, "test:limit:memory:", 4);
  }
}
