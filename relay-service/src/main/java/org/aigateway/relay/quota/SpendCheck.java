package org.aigateway.relay.quota;

import java.math.BigDecimal;
import java.time.Instant;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.QuotaPeriod;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Token;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.relay.error.AdmissionErrors;
import org.aigateway.relay.error.RelayException;

/**
 * Refuses a request whose key or group has nothing left to spend, or less than the request's
 * estimated cost: the key's total quota and its period quota (0 = unlimited; 429
 * {@code insufficient_quota}) and the group's balance ({@code null} = unlimited; 402
 * {@code group_balance_not_enough}, which also needs at least {@code GROUP_MIN_BALANCE} left; groups of
 * status internal have no balance check, as in the original).
 * Spend is the {@link BalanceBook}'s, so requests still running or not yet billed are not in it:
 * concurrent requests may together overrun a balance by what they cost.
 */
final class SpendCheck {

  private final BalanceBook book;
  private final BigDecimal groupMinBalance;

  SpendCheck(BalanceBook book, BigDecimal groupMinBalance) {
    this.book = book;
    this.groupMinBalance = groupMinBalance;
  }

  /** @throws RelayException when the request may not spend */
  void check(Token token, Group group, CostEstimate estimate, long nowMs) {
    TokenBalance spent = book.token(token.id());
    BigDecimal quotaLeft = token.quota().signum() > 0
        ? token.quota().subtract(spent == null ? BigDecimal.ZERO : spent.usedAmount()) : null;
    BigDecimal periodLeft = token.periodQuota().signum() > 0
        ? token.periodQuota().subtract(TokenBalance.periodUsed(token, spent, nowMs)) : null;
    BigDecimal groupLeft = group.status() == Status.INTERNAL ? null
        : group.remainingBalance(book.groupUsed(group.id())).orElse(null);
    if (quotaLeft != null && quotaLeft.signum() <= 0) {
      throw AdmissionErrors.quotaExhausted("You exceeded the total quota of this API key. It is used up: ask the "
          + "administrator of group `" + group.id() + "` to raise it.");
    }
    if (periodLeft != null && periodLeft.signum() <= 0) {
      throw AdmissionErrors.quotaExhausted("You exceeded the " + period(token).type() + " quota of this API key; it "
          + "renews at " + renewal(token, nowMs) + ".");
    }
    if (groupLeft != null && groupLeft.signum() <= 0) {
      throw AdmissionErrors.groupBalanceNotEnough("The balance of group `" + group.id() + "` is used up.");
    }
    if (quotaLeft != null || periodLeft != null || groupLeft != null) {
      checkEstimate(group, estimate.amount(), quotaLeft, periodLeft, groupLeft);
    }
  }

  private void checkEstimate(Group group, BigDecimal cost, BigDecimal quotaLeft, BigDecimal periodLeft,
                             BigDecimal groupLeft) {
    if (quotaLeft != null && quotaLeft.compareTo(cost) < 0) {
      throw AdmissionErrors.quotaExhausted("This request may cost up to " + plain(cost) + ", more than the "
          + plain(quotaLeft) + " left of this API key's total quota.");
    }
    if (periodLeft != null && periodLeft.compareTo(cost) < 0) {
      throw AdmissionErrors.quotaExhausted("This request may cost up to " + plain(cost) + ", more than the "
          + plain(periodLeft) + " left of this API key's period quota.");
    }
    BigDecimal needed = cost.max(groupMinBalance);
    if (groupLeft != null && groupLeft.compareTo(needed) < 0) {
      throw AdmissionErrors.groupBalanceNotEnough("The balance of group `" + group.id() + "` is not enough for "
          + "this request: " + plain(groupLeft) + " left, " + plain(needed) + " needed.");
    }
  }

  private static QuotaPeriod period(Token token) {
    return QuotaPeriod.of(token.periodType());
  }

  private static Instant renewal(Token token, long nowMs) {
    return Instant.ofEpochMilli(period(token).end(token.createdAt(), nowMs));
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
