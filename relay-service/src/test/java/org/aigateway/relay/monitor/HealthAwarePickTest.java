package org.aigateway.relay.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.routing.ChannelPicker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The picker's use of error rates and bans (statistical bounds are several standard deviations wide). */
class HealthAwarePickTest {

  private static final List<Channel> CHANNELS = List.of(channel(1), channel(2), channel(3));

  private static Channel channel(int id) {
    return new Channel(id, 1, "c" + id, "k", "", List.of("m"), Map.of(), 10, 1, List.of("default"), 0, false, 0);
  }

  private static ModelHealth health(Map<Integer, Double> rates, Set<Integer> banned) {
    return new ModelHealth(rates, banned, Breakers.ModelBreakers.NONE);
  }

  private static Map<Integer, Integer> counts(ModelHealth health, Set<Integer> tried, int picks) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < picks; i++) {
      counts.merge(ChannelPicker.pick(CHANNELS, tried, health).orElseThrow().id(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  @DisplayName("A channel's weight is divided by (error rate + 0.1)^2")
  void errorRateLowersShare() {
    Map<Integer, Integer> counts = counts(health(Map.of(1, 0.0, 2, 0.2, 3, 0.0), Set.of()), Set.of(), 30_000);
    double expectedShareOf2 = (10 / 0.09) / (10 / 0.01 * 2 + 10 / 0.09);
    assertThat(counts.get(2) / 30_000.0).isBetween(expectedShareOf2 * 0.8, expectedShareOf2 * 1.2);
    assertThat(counts.get(1) / (double) counts.get(3)).isBetween(0.9, 1.1);
  }

  @Test
  @DisplayName("Banned channels and those above 0.85 errors are skipped while another one is left")
  void firstStage() {
    Map<Integer, Integer> counts = counts(health(Map.of(2, 0.9), Set.of(1)), Set.of(), 2_000);
    assertThat(counts).containsOnlyKeys(3);
  }

  @Test
  @DisplayName("When only banned and error-prone channels are left, the error-prone ones serve, then the banned")
  void fallbackStages() {
    ModelHealth health = health(Map.of(2, 0.9, 3, 0.95), Set.of(1));
    assertThat(counts(health, Set.of(), 2_000)).containsOnlyKeys(2, 3);
    assertThat(counts(health, Set.of(2, 3), 100)).containsOnlyKeys(1);
    assertThat(ChannelPicker.pick(CHANNELS, Set.of(1, 2, 3), health)).isEmpty();
  }
}
