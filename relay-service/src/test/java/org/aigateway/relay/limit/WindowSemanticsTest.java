package org.aigateway.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sliding window's rules, run against the Redis script and the memory limiter alike so that a
 * fallback to memory keeps the same semantics. The clock is moved by hand; T0 is 250 ms into a second.
 */
@ExtendWith(VertxExtension.class)
class WindowSemanticsTest {

  private static final LimitKey KEY = LimitKey.of("acme", "gpt-4o-mini", "app");
  private static final long SECOND_0_END = LimiterFixture.T0 - 250 + 60_000; // when T0's bucket leaves

  private LimiterFixture fixture;

  @BeforeEach
  void setUp(Vertx vertx) {
    fixture = new LimiterFixture(vertx);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"redis", "memory"})
  @DisplayName("Request capacity comes back as buckets leave the 60 s window, with the reset seconds counting down to it")
  void requestWindowSlides(String backend) {
    RateLimiter limiter = fixture.backend(backend);
    admitRequests(limiter, 2);
    fixture.clock.advance(20_000);
    LimitDecision third = admitRequests(limiter, 1);
    assertThat(third.requests()).isEqualTo(new Quota(3, 0, 40));

    fixture.clock.advance(10_000);
    LimitDecision refused = Await.result(limiter.admit(KEY, 3, 0, 0));
    assertThat(refused.rejectedBy()).isEqualTo(LimitKind.REQUESTS);
    assertThat(refused.requests()).isEqualTo(new Quota(3, 0, 30));
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);

    fixture.clock.set(SECOND_0_END - 1);
    assertThat(Await.result(limiter.admit(KEY, 3, 0, 0)).requests()).isEqualTo(new Quota(3, 0, 1));

    fixture.clock.set(SECOND_0_END);
    LimitDecision back = Await.result(limiter.admit(KEY, 3, 0, 0));
    assertThat(back.allowed()).isTrue();
    assertThat(back.requests()).isEqualTo(new Quota(3, 1, 20));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"redis", "memory"})
  @DisplayName("A refused token request learns how long until enough tokens leave the window for it to fit")
  void tokenResetFitsTheRequest(String backend) {
    RateLimiter limiter = fixture.backend(backend);
    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 600)).tokens()).isEqualTo(new Quota(1_000, 400, 60));
    fixture.clock.advance(20_000);
    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 300)).tokens()).isEqualTo(new Quota(1_000, 100, 40));
    fixture.clock.advance(10_000);

    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 500)).tokens()).isEqualTo(new Quota(1_000, 100, 30));
    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 1_000)).tokens()).isEqualTo(new Quota(1_000, 100, 50));
    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 1_001)).tokens()).isEqualTo(new Quota(1_000, 100, 60));

    LimitDecision fits = Await.result(limiter.admit(KEY, 0, 1_000, 100));
    assertThat(fits.allowed()).isTrue();
    assertThat(fits.tokens().remaining()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"redis", "memory"})
  @DisplayName("A request refused by one limit counts against neither, so refusals do not extend a lock-out")
  void refusalsConsumeNothing(String backend) {
    RateLimiter limiter = fixture.backend(backend);
    assertThat(Await.result(limiter.admit(KEY, 1, 1_000, 100)).allowed()).isTrue();

    for (int i = 0; i < 5; i++) {
      LimitDecision refused = Await.result(limiter.admit(KEY, 1, 1_000, 100));
      assertThat(refused.rejectedBy()).isEqualTo(LimitKind.REQUESTS);
      assertThat(refused.tokens().remaining()).isEqualTo(900);
      assertThat(refused.reservation()).isEqualTo(Reservation.NONE);
    }
    LimitDecision tooBig = Await.result(limiter.admit(KEY, 10, 1_000, 950));
    assertThat(tooBig.rejectedBy()).isEqualTo(LimitKind.TOKENS);
    assertThat(tooBig.requests().remaining()).isEqualTo(9);

    fixture.clock.set(SECOND_0_END);
    LimitDecision fresh = Await.result(limiter.admit(KEY, 1, 1_000, 100));
    assertThat(fresh.allowed()).isTrue();
    assertThat(fresh.tokens().remaining()).isEqualTo(900);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"redis", "memory"})
  @DisplayName("Reconciling a reservation that already left the window refunds nothing but still counts extra usage now")
  void reconcileAfterTheWindow(String backend) {
    RateLimiter limiter = fixture.backend(backend);
    Reservation early = Await.result(limiter.admit(KEY, 0, 1_000, 300)).reservation();
    Reservation later = Await.result(limiter.admit(KEY, 0, 1_000, 300)).reservation();

    fixture.clock.set(SECOND_0_END + 5_000);
    Await.result(limiter.reconcile(KEY, early, 0));
    Await.result(limiter.reconcile(KEY, later, 700));

    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 0)).tokens().remaining()).isEqualTo(600);
    Await.result(limiter.reconcile(KEY, Reservation.NONE, 5_000));
    assertThat(Await.result(limiter.admit(KEY, 0, 1_000, 0)).tokens()).isEqualTo(new Quota(1_000, 600, 60));
  }

  private LimitDecision admitRequests(RateLimiter limiter, int count) {
    LimitDecision last = null;
    for (int i = 0; i < count; i++) {
      last = Await.result(limiter.admit(KEY, 3, 0, 0));
      assertThat(last.allowed()).isTrue();
    }
    return last;
  }
}
