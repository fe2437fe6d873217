package org.aigateway.relay.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxConfigTest {

  @Test
  @DisplayName("Unset outbox settings take their documented defaults and set ones override them")
  void readsSettings() {
    assertThat(OutboxConfig.from(Settings.of(Map.of())))
        .isEqualTo(new OutboxConfig(1000, 100, 10_000, 5_000, 10_000, "./data/outbox", 30_000));
    assertThat(OutboxConfig.from(Settings.of(Map.of("OUTBOX_BATCH_SIZE", "10", "OUTBOX_JOURNAL_DIR", "/tmp/o"))))
        .extracting(OutboxConfig::batchSize, OutboxConfig::journalDir)
        .containsExactly(10, "/tmp/o");
  }
}
