package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/**
 * What one call costs, by component; {@code total} ({@code used_amount} on the wire) is their sum.
 * Amounts travel as decimal strings so that no digit is lost on the bus.
 */
public record Amount(BigDecimal input, BigDecimal imageInput, BigDecimal audioInput, BigDecimal cached,
                     BigDecimal cacheCreation, BigDecimal output, BigDecimal imageOutput, BigDecimal webSearch,
                     BigDecimal perRequest, BigDecimal total) {

  /** Nothing to pay. */
  public static final Amount ZERO = perRequest(BigDecimal.ZERO);

  /** The text-only components of the first schema: no image, audio or web search amounts. */
  public Amount(BigDecimal input, BigDecimal cached, BigDecimal cacheCreation, BigDecimal output,
                BigDecimal perRequest, BigDecimal total) {
    this(input, BigDecimal.ZERO, BigDecimal.ZERO, cached, cacheCreation, output, BigDecimal.ZERO, BigDecimal.ZERO,
        perRequest, total);
  }

  /** A call priced per request. */
  public static Amount perRequest(BigDecimal amount) {
    BigDecimal z = BigDecimal.ZERO;
    return new Amount(z, z, z, z, z, z, z, z, amount, amount);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("input_amount", input.toPlainString())
        .put("image_input_amount", imageInput.toPlainString())
        .put("audio_input_amount", audioInput.toPlainString())
        .put("cached_amount", cached.toPlainString())
        .put("cache_creation_amount", cacheCreation.toPlainString())
        .put("output_amount", output.toPlainString())
        .put("image_output_amount", imageOutput.toPlainString())
        .put("web_search_amount", webSearch.toPlainString())
        .put("per_request_amount", perRequest.toPlainString())
        .put("used_amount", total.toPlainString());
  }

  /** Reads any version of the amount JSON; components it lacks are zero. */
  public static Amount fromJson(JsonObject json) {
    return new Amount(
        Json.decimal(json, "input_amount"),
        Json.decimal(json, "image_input_amount"),
        Json.decimal(json, "audio_input_amount"),
        Json.decimal(json, "cached_amount"),
        Json.decimal(json, "cache_creation_amount"),
        Json.decimal(json, "output_amount"),
        Json.decimal(json, "image_output_amount"),
        Json.decimal(json, "web_search_amount"),
        Json.decimal(json, "per_request_amount"),
        Json.decimal(json, "used_amount"));
  }
}
