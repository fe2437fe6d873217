package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/** What one call costs, by component; {@code total} is their sum. */
public record Amount(BigDecimal input, BigDecimal cached, BigDecimal cacheCreation, BigDecimal output,
                     BigDecimal perRequest, BigDecimal total) {

  /** Nothing to pay. */
  public static final Amount ZERO = new Amount(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** Amounts are sent as strings so that no decimal digit is lost on the bus. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("input_amount", input.toPlainString())
        .put("cached_amount", cached.toPlainString())
        .put("cache_creation_amount", cacheCreation.toPlainString())
        .put("output_amount", output.toPlainString())
        .put("per_request_amount", perRequest.toPlainString())
        .put("used_amount", total.toPlainString());
  }

  public static Amount fromJson(JsonObject json) {
    return new Amount(
        Json.decimal(json, "input_amount"),
        Json.decimal(json, "cached_amount"),
        Json.decimal(json, "cache_creation_amount"),
        Json.decimal(json, "output_amount"),
        Json.decimal(json, "per_request_amount"),
        Json.decimal(json, "used_amount"));
  }
}
