package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

  @Test
  @DisplayName("Timeout and backoff settings default to 30 min total, 60 s idle, no per-mode override and a 1 s base")
  void defaults() {
    RelayConfig config = RelayConfig.from(Settings.of(Map.of()));

    assertThat(config.timeoutMs()).isEqualTo(1_800_000);
    assertThat(config.streamIdleTimeoutMs()).isEqualTo(60_000);
    assertThat(config.timeoutByModeMs()).isEmpty();
    assertThat(config.retryBackoffMs()).isEqualTo(1_000);
  }

  @Test
  @DisplayName("TIMEOUT_WITH_MODEL_TYPE maps mode numbers to seconds; anything else stops the start")
  void timeoutsByMode() {
    RelayConfig config = RelayConfig.from(Settings.of(Map.of("TIMEOUT_WITH_MODEL_TYPE", "{\"1\": 90, \"3\": 5}")));

    assertThat(config.timeoutByModeMs()).isEqualTo(Map.of(1, 90_000L, 3, 5_000L));
    assertThatThrownBy(() -> RelayConfig.from(Settings.of(Map.of("TIMEOUT_WITH_MODEL_TYPE", "{\"chat\": 90}"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMEOUT_WITH_MODEL_TYPE");
    assertThatThrownBy(() -> RelayConfig.from(Settings.of(Map.of("TIMEOUT_WITH_MODEL_TYPE", "{\"1\": 0}"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
