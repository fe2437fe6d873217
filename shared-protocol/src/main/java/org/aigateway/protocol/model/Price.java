package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/**
 * Prices of a model. Token prices are per {@code unit} tokens; a unit of zero means the default,
 * {@value #DEFAULT_UNIT} tokens. A cached or cache-creation price of zero bills those tokens at
 * the input price. A non-zero {@code perRequestPrice} replaces token pricing.
 */
public record Price(BigDecimal perRequestPrice,
                    BigDecimal inputPrice, long inputPriceUnit,
                    BigDecimal outputPrice, long outputPriceUnit,
                    BigDecimal cachedPrice, long cachedPriceUnit,
                    BigDecimal cacheCreationPrice, long cacheCreationPriceUnit) {

  /** Tokens per price unit when none is set. */
  public static final long DEFAULT_UNIT = 1000;

  /** A free model. */
  public static final Price FREE = perThousand(BigDecimal.ZERO, BigDecimal.ZERO);

  /** Input and output prices per 1K tokens, nothing else set. */
  public static Price perThousand(BigDecimal input, BigDecimal output) {
    return new Price(BigDecimal.ZERO, input, 0, output, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("per_request_price", perRequestPrice)
        .put("input_price", inputPrice)
        .put("input_price_unit", inputPriceUnit)
        .put("output_price", outputPrice)
        .put("output_price_unit", outputPriceUnit)
        .put("cached_price", cachedPrice)
        .put("cached_price_unit", cachedPriceUnit)
        .put("cache_creation_price", cacheCreationPrice)
        .put("cache_creation_price_unit", cacheCreationPriceUnit);
  }

  public static Price fromJson(JsonObject json) {
    return new Price(
        Json.decimal(json, "per_request_price"),
        Json.decimal(json, "input_price"), Json.longValue(json, "input_price_unit"),
        Json.decimal(json, "output_price"), Json.longValue(json, "output_price_unit"),
        Json.decimal(json, "cached_price"), Json.longValue(json, "cached_price_unit"),
        Json.decimal(json, "cache_creation_price"), Json.longValue(json, "cache_creation_price_unit"));
  }
}
