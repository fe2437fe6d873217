package org.aigateway.protocol.model;

import java.math.BigDecimal;

/**
 * The one pricing formula of the gateway (the original's {@code CalculateAmountDetail}): the amount
 * of a call from its usage, the model's price and the HTTP status. Every service that needs an
 * amount calls this; nobody re-implements it.
 *
 * <ul>
 *   <li>A non-zero base {@code per_request_price} is the whole amount of a call that ended with
 *       status 200, and nothing otherwise.
 *   <li>Otherwise the prices are {@link Price#select selected} (conditional prices) and each
 *       component is {@code count × price / unit}, whatever the status, so that an interrupted
 *       stream pays for what it delivered:
 *       <ul>
 *         <li>input: the input tokens less those that have a price of their own (image and audio
 *             input, cached and cache-creation tokens are billed as plain input when their price is
 *             not set);
 *         <li>output: the output tokens less image output tokens when those have a price; at the
 *             thinking-mode price when the call reasoned ({@code reasoning_tokens > 0}) and that
 *             price is set;
 *         <li>web search: per search.
 *       </ul>
 * </ul>
 *
 * <p>Amounts are exact decimals without trailing zeros; they depend on nothing but the arguments
 * (time only picks time-bounded conditional prices).
 */
public final class Pricing {

  private Pricing() {
  }

  /** The amount of a call that arrived at {@code atEpochMs} (the time conditional prices compare with). */
  public static Amount amount(Usage usage, Price price, int status, long atEpochMs) {
    if (price.perRequestPrice().signum() != 0) {
      return Amount.perRequest(status == 200 ? normal(price.perRequestPrice()) : BigDecimal.ZERO);
    }
    Price p = price.select(usage, atEpochMs);
    long input = usage.inputTokens() - ownCount(p.imageInput(), usage.imageInputTokens())
        - ownCount(p.audioInput(), usage.audioInputTokens()) - ownCount(p.cached(), usage.cachedTokens())
        - ownCount(p.cacheCreation(), usage.cacheCreationTokens());
    long output = usage.outputTokens() - ownCount(p.imageOutput(), usage.imageOutputTokens());
    UnitPrice outputPrice = usage.reasoningTokens() != 0 && p.thinkingModeOutput().isSet()
        ? p.thinkingModeOutput() : p.output();
    return total(
        p.input().cost(Math.max(input, 0)),
        p.imageInput().cost(usage.imageInputTokens()),
        p.audioInput().cost(usage.audioInputTokens()),
        p.cached().cost(usage.cachedTokens()),
        p.cacheCreation().cost(usage.cacheCreationTokens()),
        outputPrice.cost(Math.max(output, 0)),
        p.imageOutput().cost(usage.imageOutputTokens()),
        p.webSearch().cost(usage.webSearchCount()));
  }

  /** The amount of a call arriving now; prefer {@link #amount(Usage, Price, int, long)} with the request's time. */
  public static Amount amount(Usage usage, Price price, int status) {
    return amount(usage, price, status, System.currentTimeMillis());
  }

  /** The tokens billed at a price of their own, and so not as plain input or output: none when that price is unset. */
  private static long ownCount(UnitPrice price, long tokens) {
    return price.isSet() ? tokens : 0;
  }

  private static Amount total(BigDecimal input, BigDecimal imageInput, BigDecimal audioInput, BigDecimal cached,
                              BigDecimal cacheCreation, BigDecimal output, BigDecimal imageOutput,
                              BigDecimal webSearch) {
    BigDecimal sum = input.add(imageInput).add(audioInput).add(cached).add(cacheCreation).add(output)
        .add(imageOutput).add(webSearch);
    return new Amount(normal(input), normal(imageInput), normal(audioInput), normal(cached), normal(cacheCreation),
        normal(output), normal(imageOutput), normal(webSearch), BigDecimal.ZERO, normal(sum));
  }

  /** Without trailing zeros and without an exponent, so that the value survives its string form unchanged. */
  private static BigDecimal normal(BigDecimal value) {
    return UnitPrice.plain(UnitPrice.normalise(value));
  }
}
