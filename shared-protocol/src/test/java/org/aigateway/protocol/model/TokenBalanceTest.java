package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBalanceTest {

  private static final long DAY = 86_400_000L;
  private static final long MARCH_10 = Instant.parse("2025-03-10T00:00:00Z").toEpochMilli();

  private static Token token(String quota, String periodQuota, String periodType) {
    return new Token(7, "k", "t", "g", List.of(), List.of(), Status.ENABLED, new BigDecimal(quota),
        new BigDecimal(periodQuota), periodType, MARCH_10 - 3 * DAY);
  }

  private static TokenBalance balance(String used, long count, String type, long periodStart, String periodUsed) {
    return new TokenBalance(7, "g", new BigDecimal(used), count, type, periodStart, new BigDecimal(periodUsed));
  }

  @Test
  @DisplayName("A token's quota is exhausted once its spend reaches it; a quota of 0 is unlimited")
  void totalQuota() {
    TokenBalance spent = balance("10", 3, "daily", MARCH_10, "1");

    assertThat(TokenBalance.quotaExhausted(token("10", "0", "daily"), spent)).isTrue();
    assertThat(TokenBalance.quotaExhausted(token("10.01", "0", "daily"), spent)).isFalse();
    assertThat(TokenBalance.quotaExhausted(token("0", "0", "daily"), spent)).isFalse();
    assertThat(TokenBalance.quotaExhausted(token("5", "0", "daily"), null)).isFalse();
  }

  @Test
  @DisplayName("A period's spend counts until the period ends, then the next period starts at zero")
  void periodResets() {
    Token daily = token("0", "2", "daily");
    TokenBalance spent = balance("9", 5, "daily", MARCH_10, "2");

    assertThat(TokenBalance.periodQuotaExhausted(daily, spent, MARCH_10 + DAY - 1)).isTrue();
    assertThat(TokenBalance.periodUsed(daily, spent, MARCH_10 + DAY)).isEqualByComparingTo("0");
    assertThat(TokenBalance.periodQuotaExhausted(daily, spent, MARCH_10 + DAY)).isFalse();
    assertThat(TokenBalance.periodUsed(daily, spent, MARCH_10 - 1)).as("a relay whose clock lags keeps the spend")
        .isEqualByComparingTo("2");
    assertThat(TokenBalance.periodUsed(token("0", "2", "monthly"), spent, MARCH_10))
        .as("a report for another period type says nothing about this one").isEqualByComparingTo("0");
  }

  @Test
  @DisplayName("Of two reports about a token the one with more requests wins, on a tie the later period")
  void newer() {
    TokenBalance older = balance("1", 1, "daily", MARCH_10, "1");
    TokenBalance later = balance("3", 2, "daily", MARCH_10, "3");
    TokenBalance nextDay = balance("3", 2, "daily", MARCH_10 + DAY, "0");

    assertThat(TokenBalance.newer(older, later)).isSameAs(later);
    assertThat(TokenBalance.newer(later, older)).isSameAs(later);
    assertThat(TokenBalance.newer(later, nextDay)).isSameAs(nextDay);
    assertThat(TokenBalance.newer(null, older)).isSameAs(older);
    assertThat(GroupBalance.newer(new GroupBalance("g", BigDecimal.ONE, 4), new GroupBalance("g", BigDecimal.TEN, 9)))
        .isEqualTo(new GroupBalance("g", BigDecimal.TEN, 9));
  }
}
