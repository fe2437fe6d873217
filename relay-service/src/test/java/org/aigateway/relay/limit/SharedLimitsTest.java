package org.aigateway.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two limiters with their own Redis clients, as two relay replicas, against one real Redis. */
@ExtendWith(VertxExtension.class)
class SharedLimitsTest {

  private static final LimitKey KEY = LimitKey.of("acme", "gpt-4o-mini");

  private LimiterFixture fixture;

  @BeforeEach
  void setUp(Vertx vertx) {
    fixture = new LimiterFixture(vertx);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  @DisplayName("Two replicas sharing one Redis admit exactly 10 of 30 concurrent requests under an RPM limit of 10")
  void sharedRequestLimit() {
    RateLimiter first = fixture.redis();
    RateLimiter second = fixture.redis();

    List<LimitDecision> decisions = concurrently(first, second, 30, 10, 0, 0);

    List<LimitDecision> admitted = decisions.stream().filter(LimitDecision::allowed).toList();
    assertThat(admitted).hasSize(10);
    assertThat(admitted).extracting(d -> d.requests().remaining()).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(decisions).filteredOn(d -> !d.allowed()).allSatisfy(d -> {
      assertThat(d.rejectedBy()).isEqualTo(LimitKind.REQUESTS);
      assertThat(d.requests().remaining()).isZero();
    });
    assertThat(first.degraded() || second.degraded()).isFalse();
  }

  @Test
  @DisplayName("Token reservations across two replicas never exceed the TPM limit, and reconciling moves the window both ways")
  void sharedTokenLimit() {
    RateLimiter first = fixture.redis();
    RateLimiter second = fixture.redis();

    List<LimitDecision> decisions = concurrently(first, second, 30, 0, 1_000, 100);

    List<LimitDecision> admitted = decisions.stream().filter(LimitDecision::allowed).toList();
    assertThat(admitted).hasSize(10);
    assertThat(admitted.stream().mapToLong(d -> d.reservation().estimatedTokens()).sum()).isEqualTo(1_000);
    assertThat(admitted).allSatisfy(d -> assertThat(d.requests()).isEqualTo(Quota.UNLIMITED));
    assertThat(decisions).filteredOn(d -> !d.allowed()).extracting(LimitDecision::rejectedBy).containsOnly(LimitKind.TOKENS);

    Await.result(first.reconcile(KEY, admitted.get(0).reservation(), 40));   // 60 fewer than reserved
    Await.result(second.reconcile(KEY, admitted.get(1).reservation(), 150)); // 50 more than reserved

    assertThat(Await.result(second.admit(KEY, 0, 1_000, 11)).allowed()).isFalse();
    LimitDecision last = Await.result(first.admit(KEY, 0, 1_000, 10));
    assertThat(last.allowed()).isTrue();
    assertThat(last.tokens().remaining()).isZero();
    assertThat(Await.result(second.admit(KEY, 0, 1_000, 0)).rejectedBy()).isEqualTo(LimitKind.TOKENS);
  }

  @Test
  @DisplayName("Windows live in Redis with a TTL just over a minute, expired buckets are deleted, and an unlimited dimension writes nothing")
  void boundedKeys() {
    RateLimiter limiter = fixture.redis();
    List<String> keys = fixture.keys(KEY);

    Await.result(limiter.admit(KEY, 5, 0, 100));
    assertThat(fixture.command(Command.PTTL, keys.get(0)).toLong()).isBetween(1L, 61_000L);
    assertThat(fixture.command(Command.EXISTS, keys.get(1)).toInteger()).isZero();

    fixture.clock.advance(61_000);
    Await.result(limiter.admit(KEY, 5, 0, 100));
    assertThat(fixture.command(Command.HLEN, keys.get(0)).toInteger()).isEqualTo(1);
  }

  @Test
  @DisplayName("A script Redis does not know yet runs as EVAL on NOSCRIPT, which caches it for the next EVALSHA")
  void loadsUnknownScript() {
    LuaScript script = new LuaScript("return tonumber(ARGV[1]) + 1 -- " + UUID.randomUUID());
    assertThat(fixture.command(Command.SCRIPT, "EXISTS", script.sha()).get(0).toInteger()).isZero();

    long answer = Await.result(script.eval(fixture.client(TestRedis.uri(), fixture.config(5_000, 0)), List.of(), 41))
        .toLong();

    assertThat(answer).isEqualTo(42);
    assertThat(fixture.command(Command.SCRIPT, "EXISTS", script.sha()).get(0).toInteger()).isEqualTo(1);
  }

  /** Fires {@code total} admissions at once, alternating between the two limiters, and waits for all. */
  private static List<LimitDecision> concurrently(RateLimiter first, RateLimiter second, int total,
                                                  long rpm, long tpm, long tokens) {
    List<Future<LimitDecision>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      pending.add((i % 2 == 0 ? first : second).admit(KEY, rpm, tpm, tokens));
    }
    return Await.result(Future.all(pending)).list();
  }
}
