package org.aigateway.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A limiter reaches the real Redis through a {@link TcpProxy} that the test takes down, so the
 * machine's Redis keeps running. Admissions must complete within the call timeout, follow memory
 * semantics while Redis is gone, and go back to Redis once it answers.
 */
@ExtendWith(VertxExtension.class)
class RedisOutageTest {

  private static final LimitKey KEY = LimitKey.of("acme", "gpt-4o-mini");
  private static final long TIMEOUT_MS = 150;
  private static final long RETRY_MS = 1_000;
  /** Bound for one admission: the call timeout plus generous scheduling slack, never a hang. */
  private static final int BOUND_SECONDS = 3;

  private LimiterFixture fixture;
  private TcpProxy proxy;
  private RateLimiter limiter;

  @BeforeEach
  void setUp(Vertx vertx) {
    fixture = new LimiterFixture(vertx);
    String uri = TestRedis.uri();
    proxy = new TcpProxy(vertx, LimiterFixture.host(uri), LimiterFixture.port(uri));
    Await.result(proxy.start());
    LimitConfig config = fixture.config(TIMEOUT_MS, RETRY_MS);
    limiter = fixture.redis("redis://127.0.0.1:" + proxy.port(), config);
    Await.result(limiter.start());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
    Await.result(proxy.stop());
  }

  @Test
  @DisplayName("With Redis gone, admissions answer from memory within the timeout, and Redis is used again once it is back")
  void fallsBackAndRecovers() {
    assertThat(admit(2)).allMatch(LimitDecision::allowed);
    assertThat(degradedGauge()).isZero();

    Await.result(proxy.stop());
    List<LimitDecision> duringOutage = admit(8);

    assertThat(duringOutage).filteredOn(LimitDecision::allowed).hasSize(5);
    assertThat(duringOutage.get(7).rejectedBy()).isEqualTo(LimitKind.REQUESTS);
    assertThat(duringOutage.get(7).reservation().store()).isEqualTo(Reservation.Store.NONE);
    assertThat(duringOutage.get(0).reservation().store()).isEqualTo(Reservation.Store.MEMORY);
    assertThat(limiter.degraded()).isTrue();
    assertThat(degradedGauge()).isEqualTo(1);
    assertThat(fixture.registry.get("rate_limit_redis_failures").counter().count()).isEqualTo(1);

    Await.result(proxy.start());
    fixture.clock.advance(RETRY_MS);
    LimitDecision afterwards = admit(1).get(0);

    assertThat(afterwards.allowed()).isTrue();
    assertThat(afterwards.requests().remaining()).isEqualTo(2); // Redis had 2, memory had 5
    assertThat(afterwards.reservation().store()).isEqualTo(Reservation.Store.REDIS);
    assertThat(limiter.degraded()).isFalse();
    assertThat(degradedGauge()).isZero();
  }

  @Test
  @DisplayName("A Redis that accepts connections but never answers costs one timeout, then memory answers at once until a probe is due")
  void hangingRedisTimesOut(Vertx vertx) {
    String uri = TestRedis.uri();
    TcpProxy hole = new TcpProxy(vertx, LimiterFixture.host(uri), LimiterFixture.port(uri));
    hole.blackHole();
    Await.result(hole.start());
    limiter = fixture.redis("redis://127.0.0.1:" + hole.port(), fixture.config(TIMEOUT_MS, RETRY_MS));
    try {
      LimitDecision first = Await.result(limiter.admit(KEY, 5, 1_000, 100), BOUND_SECONDS);
      assertThat(first.allowed()).isTrue();
      assertThat(first.reservation().store()).isEqualTo(Reservation.Store.MEMORY);
      assertThat(limiter.degraded()).isTrue();

      List<LimitDecision> more = admit(5);
      assertThat(more).filteredOn(LimitDecision::allowed).hasSize(4);
      assertThat(fixture.registry.get("rate_limit_redis_failures").counter().count()).isEqualTo(1);
      Await.result(limiter.reconcile(KEY, first.reservation(), 50));
      assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 0)).tokens().remaining()).isEqualTo(550);
    } finally {
      Await.result(hole.stop());
    }
  }

  @Test
  @DisplayName("An admission whose Redis answer comes after the timeout is taken back from Redis: memory admitted it, "
      + "so it is counted once, not also in the shared windows")
  void lateRedisAnswerIsTakenBack() {
    Redis direct = fixture.client(TestRedis.uri(), fixture.config(LimiterFixture.SLOW_TIMEOUT_MS, RETRY_MS));
    proxy.holdReplies();

    LimitDecision timedOut = Await.result(limiter.admit(KEY, 5, 1_000, 100), BOUND_SECONDS);

    assertThat(timedOut.reservation().store()).isEqualTo(Reservation.Store.MEMORY);
    List<String> keys = fixture.keys(KEY);
    assertThat(windowSum(direct, keys.get(0))).as("the script ran in Redis all the same").isEqualTo(1);
    assertThat(windowSum(direct, keys.get(1))).isEqualTo(100);
    proxy.releaseReplies();
    Await.until(() -> windowSum(direct, keys.get(0)) == 0 && windowSum(direct, keys.get(1)) == 0, BOUND_SECONDS,
        "the late admission taken back from both Redis windows");
  }

  private static long windowSum(Redis redis, String key) {
    Response buckets = Await.result(redis.send(Request.cmd(Command.HVALS).arg(key)));
    long sum = 0;
    for (Response bucket : buckets) {
      sum += bucket.toLong();
    }
    return sum;
  }

  private List<LimitDecision> admit(int count) {
    List<LimitDecision> decisions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      decisions.add(Await.result(limiter.admit(KEY, 5, 1_000, 100), BOUND_SECONDS));
    }
    return decisions;
  }

  private double degradedGauge() {
    return fixture.registry.get("rate_limit_degraded").gauge().value();
  }
}
