package org.aigateway.relay.usage;

import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.QuotaPeriod;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.auth.Caller;

/**
 * Builds the one {@link RelayCompleted} of a request from its context and final result: the amount
 * from the price in effect for the caller's group at the request's arrival time, and the token's
 * quota period so that billing can keep its period spend.
 */
public final class UsageEvents {

  private UsageEvents() {
  }

  /** The event of a request billed at its own price; one whose usage is deferred costs nothing. */
  public static RelayCompleted completed(RelayContext ctx, RelayResult result) {
    Price price = ctx.price();
    Amount amount = ctx.usageDeferred() ? Amount.ZERO
        : Pricing.amount(result.usage(), price, result.status(), ctx.request().requestAt());
    return event(ctx, result, price, amount);
  }

  /**
   * The event of a follow-up that bills a background response's usage, at the price its creation
   * would have paid: {@code price} in effect at {@code pricedAt}, the creation's arrival.
   */
  public static RelayCompleted deferred(RelayContext ctx, RelayResult result, Price price, long pricedAt) {
    return event(ctx, result, price, Pricing.amount(result.usage(), price, result.status(), pricedAt));
  }

  private static RelayCompleted event(RelayContext ctx, RelayResult result, Price price, Amount amount) {
    RelayRequest request = ctx.request();
    Caller caller = ctx.caller();
    Channel channel = ctx.channel();
    long durationMs = (System.nanoTime() - request.startNanos()) / 1_000_000;
    return new RelayCompleted(
        request.requestId(), request.requestAt(), ctx.downstream().ttfbMs(), durationMs,
        caller.groupId(), caller.tokenId(), caller.tokenName(), channel == null ? 0 : channel.id(),
        request.model(), ctx.actualModel(), request.mode().number(), request.endpoint(), result.status(),
        request.stream(), request.clientIp(), result.upstreamId(), result.usage(),
        result.usageEstimated(), result.truncated(), price, amount,
        result.errorMessage(), ctx.attempts(), null, null,
        caller.internal() ? null : QuotaPeriod.of(caller.token().periodType()).type(),
        caller.internal() ? 0 : caller.token().createdAt());
  }
}
