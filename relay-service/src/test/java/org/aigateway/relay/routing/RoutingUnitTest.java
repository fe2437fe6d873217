package org.aigateway.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.monitor.ModelHealth;
import org.aigateway.relay.routing.RetryPolicy.Next;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingUnitTest {

  private static Channel channel(int id, int priority) {
    return new Channel(id, 1, "c" + id, "k", "", List.of("m"), Map.of(), priority, 1, List.of("default"), 0,
        false, 0);
  }

  @ParameterizedTest(name = "status {0}, committed {1}, gone {2}, retries left {3} -> {4}")
  @CsvSource({
      "500, false, false, 1, RETRY", "502, false, false, 1, RETRY", "504, false, false, 1, RETRY",
      "429, false, false, 1, RETRY", "500, false, false, 0, DONE", "400, false, false, 3, DONE",
      "413, false, false, 3, DONE", "422, false, false, 3, DONE", "401, false, false, 0, MOVE_ON",
      "404, false, false, 0, MOVE_ON", "500, true, false, 3, DONE", "500, false, true, 3, DONE",
  })
  @DisplayName("Only retryable failures before the first client byte are retried")
  void retryPolicy(int status, boolean committed, boolean gone, int left, Next expected) {
    RelayResult failure = RelayResult.failure(OpenAiErrors.status(status, "x"));
    assertThat(RetryPolicy.next(failure, committed, gone, left)).isEqualTo(expected);
  }

  @Test
  @DisplayName("A success is never retried")
  void successDone() {
    assertThat(RetryPolicy.next(RelayResult.success(200, Usage.ZERO, false, null), false, false, 5)).isEqualTo(Next.DONE);
  }

  @Test
  @DisplayName("Channels are picked in proportion to their weight, and tried ones are skipped")
  void weightedPick() {
    List<Channel> channels = List.of(channel(1, 30), channel(2, 10), channel(3, -5));
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      counts.merge(ChannelPicker.pick(channels, Set.of(), ModelHealth.QUIET).orElseThrow().id(), 1, Integer::sum);
    }
    assertThat(counts.get(1) / (double) counts.get(2)).isBetween(2.6, 3.4);
    assertThat(counts).doesNotContainKey(3);
    assertThat(ChannelPicker.pick(channels, Set.of(1, 2), ModelHealth.QUIET))
        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(3));
    assertThat(ChannelPicker.pick(channels, Set.of(1, 2, 3), ModelHealth.QUIET)).isEmpty();
  }
}
