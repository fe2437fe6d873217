package org.aigateway.protocol.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The one pricing formula of the gateway: the amount of a call from its usage and the model's price.
 * Every service that needs an amount calls this; nobody re-implements it.
 */
public final class Pricing {

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private Pricing() {
  }

  /**
   * The amount of a call. A per-request price is charged only for a successful call (status 200);
   * token prices are charged on whatever usage was produced, whatever the status, so that an
   * interrupted stream pays for the tokens it delivered.
   */
  public static Amount amount(Usage usage, Price price, int status) {
    if (price.perRequestPrice().signum() != 0) {
      BigDecimal perRequest = status == 200 ? price.perRequestPrice() : BigDecimal.ZERO;
      return new Amount(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, perRequest, perRequest);
    }
    long billableInput = usage.inputTokens();
    BigDecimal cached = BigDecimal.ZERO;
    if (price.cachedPrice().signum() != 0) {
      billableInput -= usage.cachedTokens();
      cached = cost(usage.cachedTokens(), price.cachedPrice(), price.cachedPriceUnit());
    }
    BigDecimal cacheCreation = BigDecimal.ZERO;
    if (price.cacheCreationPrice().signum() != 0) {
      billableInput -= usage.cacheCreationTokens();
      cacheCreation = cost(usage.cacheCreationTokens(), price.cacheCreationPrice(), price.cacheCreationPriceUnit());
    }
    BigDecimal input = cost(Math.max(billableInput, 0), price.inputPrice(), price.inputPriceUnit());
    BigDecimal output = cost(usage.outputTokens(), price.outputPrice(), price.outputPriceUnit());
    BigDecimal total = input.add(cached).add(cacheCreation).add(output);
    return new Amount(input, cached, cacheCreation, output, BigDecimal.ZERO, total);
  }

  private static BigDecimal cost(long tokens, BigDecimal price, long unit) {
    if (tokens == 0 || price.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long divisor = unit > 0 ? unit : Price.DEFAULT_UNIT;
    return price.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(divisor), PRECISION).stripTrailingZeros();
  }
}
