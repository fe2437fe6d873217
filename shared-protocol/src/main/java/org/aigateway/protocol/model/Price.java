package org.aigateway.protocol.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.Json;

/**
 * Prices of a model (field names as in the original's {@code model.Price}). Each token price is a
 * {@link UnitPrice} per 1K tokens unless its {@code *_price_unit} says otherwise; web search is
 * priced per {@code web_search_price_unit} searches (1K by default). A non-zero
 * {@code perRequestPrice} replaces token pricing. {@code conditionalPrices} replace the token
 * prices for calls matching their condition ({@link #select}).
 *
 * <p>{@link #toJson()} is the exact form (decimals as strings, unset prices left out) used on the
 * bus and in storage; {@link #toApiJson()} is the admin API's form (every field, decimals as numbers).
 * {@link #fromJson} reads both.
 */
public record Price(BigDecimal perRequestPrice, UnitPrice input, UnitPrice imageInput, UnitPrice audioInput,
                    UnitPrice output, UnitPrice imageOutput, UnitPrice thinkingModeOutput, UnitPrice cached,
                    UnitPrice cacheCreation, UnitPrice webSearch, List<ConditionalPrice> conditionalPrices) {

  /** Tokens per price unit when none is set. */
  public static final long DEFAULT_UNIT = UnitPrice.DEFAULT_UNIT;

  /** A free model. */
  public static final Price FREE = perThousand(BigDecimal.ZERO, BigDecimal.ZERO);

  /** The names of the unit prices: each is {@code <name>_price} and {@code <name>_price_unit} on the wire. */
  public static final List<String> UNIT_PRICE_NAMES = List.of("input", "image_input", "audio_input", "output",
      "image_output", "thinking_mode_output", "cached", "cache_creation", "web_search");

  public Price {
    perRequestPrice = UnitPrice.normalise(perRequestPrice);
    conditionalPrices = List.copyOf(conditionalPrices);
  }

  /** Input and output prices per 1K tokens, nothing else set. */
  public static Price perThousand(BigDecimal input, BigDecimal output) {
    UnitPrice none = UnitPrice.NONE;
    return new Price(BigDecimal.ZERO, UnitPrice.of(input), none, none, UnitPrice.of(output), none, none, none, none,
        none, List.of());
  }

  /**
   * The prices in effect for a call: those of the most specific conditional price whose condition
   * matches (the first such in list order on a tie), else these.
   */
  public Price select(Usage usage, long atEpochMs) {
    ConditionalPrice best = null;
    for (ConditionalPrice candidate : conditionalPrices) {
      if (candidate.condition().matches(usage, atEpochMs)
          && (best == null || candidate.condition().specificity() > best.condition().specificity())) {
        best = candidate;
      }
    }
    return best == null ? this : best.price();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (perRequestPrice.signum() != 0) {
      json.put("per_request_price", perRequestPrice.toPlainString());
    }
    List<UnitPrice> prices = unitPrices();
    for (int i = 0; i < UNIT_PRICE_NAMES.size(); i++) {
      if (prices.get(i).isSet() || prices.get(i).unit() != 0) {
        prices.get(i).write(json, UNIT_PRICE_NAMES.get(i));
      }
    }
    if (!conditionalPrices.isEmpty()) {
      json.put("conditional_prices", new JsonArray(conditionalPrices.stream().map(ConditionalPrice::toJson).toList()));
    }
    return json;
  }

  public JsonObject toApiJson() {
    JsonObject json = new JsonObject().put("per_request_price", UnitPrice.plain(perRequestPrice));
    List<UnitPrice> prices = unitPrices();
    for (int i = 0; i < UNIT_PRICE_NAMES.size(); i++) {
      prices.get(i).writeNumber(json, UNIT_PRICE_NAMES.get(i));
    }
    return json.put("conditional_prices",
        new JsonArray(conditionalPrices.stream().map(ConditionalPrice::toApiJson).toList()));
  }

  public static Price fromJson(JsonObject json) {
    List<UnitPrice> p = UNIT_PRICE_NAMES.stream().map(name -> UnitPrice.read(json, name)).toList();
    return new Price(Json.decimal(json, "per_request_price"), p.get(0), p.get(1), p.get(2), p.get(3), p.get(4),
        p.get(5), p.get(6), p.get(7), p.get(8), ConditionalPrice.listFromJson(json));
  }

  /** The unit prices in the order of {@link #UNIT_PRICE_NAMES}. */
  private List<UnitPrice> unitPrices() {
    return List.of(input, imageInput, audioInput, output, imageOutput, thinkingModeOutput, cached, cacheCreation,
        webSearch);
  }
}
