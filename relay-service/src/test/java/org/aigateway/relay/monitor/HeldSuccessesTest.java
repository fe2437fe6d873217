package org.aigateway.relay.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.limit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeldSuccessesTest {

  private static final Channel CHANNEL = new Channel(7, 1, "c", "k", "", List.of("m"), Map.of(), 0, 1,
      List.of("default"), 0, false, 0.5);
  private static final RelayResult OK = RelayResult.success(200, Usage.of(1, 1), false, "id");
  private static final RelayResult FAILED = RelayResult.failure(OpenAiErrors.upstreamUnreachable("down"));

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(1_760_000_000_000L);
  private final CountingStore store = new CountingStore(new MemoryMonitorStore(clock));
  private final ChannelHealth health = new ChannelHealth(vertx, store, MonitorConfig.from(Settings.of(Map.of())), clock);

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  @DisplayName("Successes make no store call each: they are written together at the flush")
  void successesAreBatched() {
    for (int i = 0; i < 50; i++) {
      health.record("m", CHANNEL, OK);
    }
    assertThat(store.calls).isEmpty();

    health.flushSuccesses();
    health.flushSuccesses();

    assertThat(store.calls).containsExactly("m/7: 50 outcomes, 0 errors");
  }

  @Test
  @DisplayName("An error is written at once with the successes held before it, so the ban rule sees the true rate")
  void errorCarriesHeldSuccesses() {
    for (int i = 0; i < 9; i++) {
      health.record("m", CHANNEL, OK);
    }
    health.record("m", CHANNEL, FAILED);

    assertThat(store.calls).containsExactly("m/7: 10 outcomes, 1 errors");
    assertThat(store.memory.rates("m").result()).containsEntry(7, 0.1);
  }

  @Test
  @DisplayName("Clearing a channel also forgets the successes held for it: they were the old channel's")
  void clearingForgetsHeldSuccesses() {
    for (int i = 0; i < 50; i++) {
      health.record("m", CHANNEL, OK);
    }

    health.clearChannel(CHANNEL.id());
    health.flushSuccesses();

    assertThat(store.calls).isEmpty();
    assertThat(store.memory.rates("m").result()).isEmpty();
  }

  /** Records each store call, then passes it on. */
  private static final class CountingStore implements MonitorStore {

    final MemoryMonitorStore memory;
    final List<String> calls = new ArrayList<>();

    CountingStore(MemoryMonitorStore memory) {
      this.memory = memory;
    }

    @Override
    public Future<Double> record(ModelChannel pair, long requests, long errors) {
      calls.add(pair.model() + "/" + pair.channelId() + ": " + requests + " outcomes, " + errors + " errors");
      return memory.record(pair, requests, errors);
    }

    @Override
    public Future<Map<Integer, Double>> rates(String model) {
      return memory.rates(model);
    }

    @Override
    public Future<Void> ban(ModelChannel pair, long untilMs) {
      return memory.ban(pair, untilMs);
    }

    @Override
    public Future<Void> unban(ModelChannel pair) {
      return memory.unban(pair);
    }

    @Override
    public Future<Map<ModelChannel, Long>> bans() {
      return memory.bans();
    }

    @Override
    public Future<Void> clearChannel(int channelId) {
      return memory.clearChannel(channelId);
    }
  }
}
