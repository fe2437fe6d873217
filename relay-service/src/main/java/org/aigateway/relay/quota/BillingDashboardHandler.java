package org.aigateway.relay.quota;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Token;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.relay.auth.Caller;

/**
 * {@code GET /v1/dashboard/billing/subscription}, {@code /usage} and {@code /quota} for the caller's
 * key, in the shapes OpenAI's old dashboard API had (what third-party clients read to show a key's
 * balance). "Left" is the least of what remains of the key's quota, its period quota and the group's
 * balance; "used" is the key's total spend. {@code hard_limit_usd} = used + left, so a client's
 * {@code hard_limit_usd - total_usage / 100} is what is left; {@code total_usage} is in cents, as
 * OpenAI reports it, and covers the key's whole life ({@code start_date}/{@code end_date} are ignored,
 * as in the original). Without any limit, left is {@value #UNLIMITED_TEXT}, the original's figure.
 */
public final class BillingDashboardHandler {

  static final String UNLIMITED_TEXT = "10000000";
  static final BigDecimal UNLIMITED = new BigDecimal(UNLIMITED_TEXT);
  private static final BigDecimal CENTS = BigDecimal.valueOf(100);

  private final BalanceBook book;
  private final Clock clock;

  public BillingDashboardHandler(BalanceBook book, Clock clock) {
    this.book = book;
    this.clock = clock;
  }

  public void subscription(RoutingContext ctx) {
    Standing standing = standing(ctx.get(Caller.KEY));
    double hard = standing.used().add(standing.left()).doubleValue();
    ctx.json(new JsonObject()
        .put("object", "billing_subscription")
        .put("has_payment_method", true)
        .put("soft_limit_usd", hard)
        .put("hard_limit_usd", hard)
        .put("system_hard_limit_usd", hard)
        .put("access_until", 0));
  }

  public void usage(RoutingContext ctx) {
    Standing standing = standing(ctx.get(Caller.KEY));
    ctx.json(new JsonObject()
        .put("object", "list")
        .put("total_usage", standing.used().multiply(CENTS).doubleValue()));
  }

  /** The original's {@code {"total", "remain"}}: the smallest limit and what is left of the limits. */
  public void quota(RoutingContext ctx) {
    Standing standing = standing(ctx.get(Caller.KEY));
    ctx.json(new JsonObject()
        .put("total", standing.total().doubleValue())
        .put("remain", standing.left().doubleValue()));
  }

  private Standing standing(Caller caller) {
    if (caller == null || caller.internal()) {
      return new Standing(BigDecimal.ZERO, UNLIMITED, UNLIMITED);
    }
    Token token = caller.token();
    Group group = caller.group();
    TokenBalance spent = book.token(token.id());
    BigDecimal used = spent == null ? BigDecimal.ZERO : spent.usedAmount();
    Limits limits = new Limits();
    if (token.quota().signum() > 0) {
      limits.add(token.quota(), token.quota().subtract(used));
    }
    if (token.periodQuota().signum() > 0) {
      limits.add(token.periodQuota(),
          token.periodQuota().subtract(TokenBalance.periodUsed(token, spent, clock.millis())));
    }
    if (group.balance() != null && group.status() != Status.INTERNAL) {
      limits.add(group.balance(), group.balance().subtract(book.groupUsed(group.id())));
    }
    return new Standing(used, limits.left.max(BigDecimal.ZERO), limits.total);
  }

  private record Standing(BigDecimal used, BigDecimal left, BigDecimal total) {
  }

  /** The least of the limits that apply, and of what is left of them. */
  private static final class Limits {
    private BigDecimal total = UNLIMITED;
    private BigDecimal left = UNLIMITED;

    void add(BigDecimal limit, BigDecimal remaining) {
      total = total.min(limit);
      left = left.min(remaining);
    }
  }
}
