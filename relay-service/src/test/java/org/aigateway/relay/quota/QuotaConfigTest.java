package org.aigateway.relay.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuotaConfigTest {

  @Test
  @DisplayName("Admission settings have safe defaults: serving, no trusted proxy, 60 s resync, no minimum balance, 1024 output tokens")
  void defaults() {
    QuotaConfig config = QuotaConfig.from(Settings.of(Map.of()));

    assertThat(config.disableServe()).isFalse();
    assertThat(config.trustedProxies()).isEmpty();
    assertThat(config.balanceResyncMs()).isEqualTo(60_000);
    assertThat(config.groupMinBalance()).isZero();
    assertThat(config.estimateOutputTokens()).isEqualTo(1024);
    assertThat(config.consumeLevelRatio().ratio(new BigDecimal("1000"))).isEqualTo(1.0);
  }

  @Test
  @DisplayName("Settings are read once: proxies as a list of CIDRs, the level ratios as JSON, and bad values stop the start")
  void parsing() {
    QuotaConfig config = QuotaConfig.from(Settings.of(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1",
        "GROUP_CONSUME_LEVEL_RATIO", "{\"10\": 0.5}", "GROUP_MIN_BALANCE", "0.3", "DISABLE_SERVE", "true")));

    assertThat(config.trustedProxies()).hasSize(2);
    assertThat(config.consumeLevelRatio().ratio(new BigDecimal("12"))).isEqualTo(0.5);
    assertThat(config.groupMinBalance()).isEqualByComparingTo("0.3");
    assertThat(config.disableServe()).isTrue();
    assertThatThrownBy(() -> QuotaConfig.from(Settings.of(Map.of("TRUSTED_PROXIES", "proxy.internal"))))
        .hasMessageContaining("TRUSTED_PROXIES");
    assertThatThrownBy(() -> QuotaConfig.from(Settings.of(Map.of("GROUP_MIN_BALANCE", "-1"))))
        .hasMessageContaining("GROUP_MIN_BALANCE");
  }
}
