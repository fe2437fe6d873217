package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  @DisplayName("A daily period is the UTC day")
  void daily() {
    assertThat(QuotaPeriod.DAILY.start(0, at("2025-03-10T23:59:59.999Z"))).isEqualTo(at("2025-03-10T00:00:00Z"));
    assertThat(QuotaPeriod.DAILY.start(0, at("2025-03-11T00:00:00Z"))).isEqualTo(at("2025-03-11T00:00:00Z"));
    assertThat(QuotaPeriod.DAILY.end(0, at("2025-03-10T12:00:00Z"))).isEqualTo(at("2025-03-11T00:00:00Z"));
  }

  @Test
  @DisplayName("A weekly period is 7×24 h counted from the token's anchor, not from a weekday")
  void weekly() {
    long anchor = at("2025-03-05T15:30:00Z");
    assertThat(QuotaPeriod.WEEKLY.start(anchor, at("2025-03-12T15:29:59Z"))).isEqualTo(anchor);
    assertThat(QuotaPeriod.WEEKLY.start(anchor, at("2025-03-12T15:30:00Z"))).isEqualTo(at("2025-03-12T15:30:00Z"));
    assertThat(QuotaPeriod.WEEKLY.end(anchor, at("2025-03-20T00:00:00Z"))).isEqualTo(at("2025-03-26T15:30:00Z"));
  }

  @Test
  @DisplayName("A monthly period is the UTC calendar month, whatever its length")
  void monthly() {
    assertThat(QuotaPeriod.MONTHLY.start(0, at("2024-02-29T23:00:00Z"))).isEqualTo(at("2024-02-01T00:00:00Z"));
    assertThat(QuotaPeriod.MONTHLY.end(0, at("2024-02-29T23:00:00Z"))).isEqualTo(at("2024-03-01T00:00:00Z"));
    assertThat(QuotaPeriod.MONTHLY.start(0, at("2025-12-31T23:59:59Z"))).isEqualTo(at("2025-12-01T00:00:00Z"));
    assertThat(QuotaPeriod.MONTHLY.end(0, at("2025-12-15T00:00:00Z"))).isEqualTo(at("2026-01-01T00:00:00Z"));
  }

  @Test
  @DisplayName("An unknown or missing period type is monthly, the tokens' default")
  void defaults() {
    assertThat(QuotaPeriod.of(null)).isEqualTo(QuotaPeriod.MONTHLY);
    assertThat(QuotaPeriod.of("yearly")).isEqualTo(QuotaPeriod.MONTHLY);
    assertThat(QuotaPeriod.of(" Daily ")).isEqualTo(QuotaPeriod.DAILY);
    assertThat(QuotaPeriod.WEEKLY.type()).isEqualTo("weekly");
  }
}
