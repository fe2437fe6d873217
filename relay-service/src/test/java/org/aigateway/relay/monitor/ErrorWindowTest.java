package org.aigateway.relay.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.limit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The 2-minute window of 12 slices and the stores built on it, with a clock the test moves. */
class ErrorWindowTest {

  private static final long START = 1_700_000_000_000L;

  private final MutableClock clock = new MutableClock(START);

  @Test
  @DisplayName("The error rate is 0 below 10 requests in the window, then errors over requests")
  void minimumRequests() {
    ErrorWindow window = new ErrorWindow();
    for (int i = 0; i < 9; i++) {
      window.record(clock.millis(), 1, 1);
    }
    assertThat(window.rate(clock.millis())).isZero();
    window.record(clock.millis(), 1, 0);
    assertThat(window.rate(clock.millis())).isEqualTo(0.9);
    for (int i = 0; i < 10; i++) {
      window.record(clock.millis(), 1, 0);
    }
    assertThat(window.rate(clock.millis())).isEqualTo(9 / 20.0);
  }

  @Test
  @DisplayName("Outcomes count for 12 slices of 10 s, then leave the window slice by slice")
  void sliding() {
    ErrorWindow window = new ErrorWindow();
    for (int i = 0; i < 10; i++) {
      window.record(clock.millis(), 1, 1);
    }
    clock.advance(60_000);
    for (int i = 0; i < 10; i++) {
      window.record(clock.millis(), 1, 0);
    }
    assertThat(window.rate(clock.millis())).isEqualTo(0.5);

    clock.advance(59_999 - Math.floorMod(START, 10_000));
    assertThat(window.rate(clock.millis())).as("the first slice is still 11 slices back").isEqualTo(0.5);
    clock.advance(1);
    assertThat(window.rate(clock.millis())).as("only the 10 successes are left").isZero();
    assertThat(window.idle(clock.millis())).isFalse();
    clock.advance(60_000);
    assertThat(window.idle(clock.millis())).isTrue();
  }

  @Test
  @DisplayName("A slot reused two minutes later starts from zero")
  void slotReuse() {
    ErrorWindow window = new ErrorWindow();
    for (int i = 0; i < 10; i++) {
      window.record(clock.millis(), 1, 1);
    }
    clock.advance(120_000);
    for (int i = 0; i < 10; i++) {
      window.record(clock.millis(), 1, 0);
    }
    assertThat(window.rate(clock.millis())).isZero();
  }

  @Test
  @DisplayName("The memory store keeps one window per (model, channel), ends bans on time and clears a channel")
  void memoryStore() {
    MemoryMonitorStore store = new MemoryMonitorStore(clock);
    ModelChannel a = new ModelChannel("m", 1);
    for (int i = 0; i < 10; i++) {
      store.record(a, 1, i % 2 == 0 ? 1 : 0);
      store.record(new ModelChannel("other", 1), 1, 0);
    }
    assertThat(store.record(a, 1, 1).result()).isEqualTo(6 / 11.0);
    assertThat(store.rates("m").result()).containsOnly(Map.entry(1, 6 / 11.0));
    assertThat(store.rates("other").result()).containsOnly(Map.entry(1, 0.0));

    store.ban(a, clock.millis() + 1_000);
    store.ban(new ModelChannel("m", 2), clock.millis() + 5_000);
    assertThat(store.bans().result()).containsOnlyKeys(a, new ModelChannel("m", 2));
    clock.advance(1_000);
    assertThat(store.bans().result()).containsOnlyKeys(new ModelChannel("m", 2));

    store.ban(a, clock.millis() + 1_000);
    store.clearChannel(1);
    assertThat(store.rates("m").result()).isEmpty();
    assertThat(store.bans().result()).containsOnlyKeys(new ModelChannel("m", 2));
  }

  @Test
  @DisplayName("A channel's own max_error_rate wins; without one the global rule applies only when enabled")
  void banRatePrecedence() {
    MonitorConfig off = new MonitorConfig(false, 0.3, 300_000, 30_000, 30_000, 2_000, "p:", 5, 30_000);
    MonitorConfig on = new MonitorConfig(true, 0.3, 300_000, 30_000, 30_000, 2_000, "p:", 5, 30_000);
    assertThat(off.banRate(channel(0))).isZero();
    assertThat(on.banRate(channel(0))).isEqualTo(0.3);
    assertThat(off.banRate(channel(0.6))).isEqualTo(0.6);
    assertThat(on.banRate(channel(0.6))).isEqualTo(0.6);
  }

  private static Channel channel(double maxErrorRate) {
    return new Channel(1, 1, "c", "k", "", java.util.List.of("m"), Map.of(), 0, 1, java.util.List.of("default"), 0,
        false, maxErrorRate);
  }
}
