package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/**
 * What a token has spent, as billing-service reports it: in total, and in its quota period (the
 * period of type {@code periodType} that starts at {@code periodStart}, epoch ms, by billing's
 * clock when the report was made). Values are absolute, never deltas; {@code requestCount} only
 * grows, so of two reports about one token the one with more requests is the newer
 * ({@link #newer}).
 */
public record TokenBalance(long tokenId, String groupId, BigDecimal usedAmount, long requestCount,
                           String periodType, long periodStart, BigDecimal periodUsedAmount) {

  /** Whether the token's total quota (0 = unlimited) is spent. */
  public static boolean quotaExhausted(Token token, TokenBalance balance) {
    return token.quota().signum() > 0 && used(balance).compareTo(token.quota()) >= 0;
  }

  /** Whether the token's period quota (0 = unlimited) is spent in the period that contains {@code nowMs}. */
  public static boolean periodQuotaExhausted(Token token, TokenBalance balance, long nowMs) {
    return token.periodQuota().signum() > 0
        && periodUsed(token, balance, nowMs).compareTo(token.periodQuota()) >= 0;
  }

  /**
   * What the token has spent in the period that contains {@code nowMs}: the reported period amount
   * while that period has not ended (for the token's current period type), else zero. A missing
   * report ({@code null}) is zero.
   */
  public static BigDecimal periodUsed(Token token, TokenBalance balance, long nowMs) {
    QuotaPeriod period = QuotaPeriod.of(token.periodType());
    if (balance == null || QuotaPeriod.of(balance.periodType()) != period) {
      return BigDecimal.ZERO;
    }
    long currentStart = period.start(token.createdAt(), nowMs);
    return currentStart <= balance.periodStart() ? balance.periodUsedAmount() : BigDecimal.ZERO;
  }

  /** The newer of two reports about one token (more requests; on a tie, the later period). */
  public static TokenBalance newer(TokenBalance a, TokenBalance b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.requestCount() != b.requestCount()) {
      return a.requestCount() > b.requestCount() ? a : b;
    }
    return a.periodStart() >= b.periodStart() ? a : b;
  }

  private static BigDecimal used(TokenBalance balance) {
    return balance == null ? BigDecimal.ZERO : balance.usedAmount();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("token_id", tokenId)
        .put("group_id", groupId)
        .put("used_amount", usedAmount.toPlainString())
        .put("request_count", requestCount)
        .put("period_type", periodType)
        .put("period_start", periodStart)
        .put("period_used_amount", periodUsedAmount.toPlainString());
  }

  public static TokenBalance fromJson(JsonObject json) {
    return new TokenBalance(
        Json.longValue(json, "token_id"),
        json.getString("group_id"),
        Json.decimal(json, "used_amount"),
        Json.longValue(json, "request_count"),
        QuotaPeriod.of(json.getString("period_type")).type(),
        Json.longValue(json, "period_start"),
        Json.decimal(json, "period_used_amount"));
  }
}
