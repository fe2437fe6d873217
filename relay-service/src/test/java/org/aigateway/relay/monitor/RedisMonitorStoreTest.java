package org.aigateway.relay.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.Map;
import java.util.UUID;
import org.aigateway.relay.limit.MutableClock;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Redis store against the real Redis: shared by two stores (two replicas), and its fallback to memory. */
class RedisMonitorStoreTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private final MonitorConfig config = new MonitorConfig(false, 0.3, 300_000, 30_000, 30_000, 2_000,
      "test:monitor:" + UUID.randomUUID() + ":", 5, 30_000);

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  private RedisMonitorStore store(String uri) {
    return new RedisMonitorStore(Redis.createClient(vertx, uri), config, clock, new MemoryMonitorStore(clock));
  }

  @Test
  @DisplayName("Windows and bans written by one replica's store are read by another's, and clearing a channel clears both")
  void shared() {
    RedisMonitorStore one = store(TestRedis.uri());
    RedisMonitorStore two = store(TestRedis.uri());
    ModelChannel pair = new ModelChannel("gpt-x", 7);
    for (int i = 0; i < 9; i++) {
      Await.result(one.record(pair, 1, 1));
    }
    assertThat(Await.result(two.record(pair, 1, 0))).isEqualTo(0.9);
    assertThat(Await.result(two.rates("gpt-x"))).containsOnly(Map.entry(7, 0.9));
    assertThat(Await.result(one.record(pair, 20, 0))).as("a batch of held successes").isEqualTo(0.3);

    clock.advance(120_000);
    assertThat(Await.result(one.rates("gpt-x"))).as("the window has passed").isEmpty();

    Await.result(one.ban(pair, clock.millis() + 1_000));
    Await.result(one.ban(new ModelChannel("gpt-y", 8), clock.millis() + 1_000));
    assertThat(Await.result(two.bans())).containsOnlyKeys(pair, new ModelChannel("gpt-y", 8));
    Await.result(two.record(pair, 1, 1));
    Await.result(two.clearChannel(7));
    assertThat(Await.result(one.bans())).containsOnlyKeys(new ModelChannel("gpt-y", 8));
    assertThat(Await.result(one.rates("gpt-x"))).isEmpty();
    clock.advance(1_000);
    assertThat(Await.result(one.bans())).as("ended").isEmpty();
  }

  @Test
  @DisplayName("With Redis unreachable every call is answered from this instance's memory")
  void fallsBackToMemory() {
    RedisMonitorStore store = store("redis://127.0.0.1:1");
    ModelChannel pair = new ModelChannel("gpt-x", 7);
    for (int i = 0; i < 9; i++) {
      Await.result(store.record(pair, 1, 1));
    }
    assertThat(Await.result(store.record(pair, 1, 1))).isEqualTo(1.0);
    Await.result(store.ban(pair, clock.millis() + 1_000));
    assertThat(Await.result(store.bans())).containsOnlyKeys(pair);
    assertThat(Await.result(store.rates("gpt-x"))).containsOnly(Map.entry(7, 1.0));
  }
}
