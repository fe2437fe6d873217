package org.aigateway.protocol.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.aigateway.protocol.Json;

/**
 * A price that replaces a model's base token prices when its condition matches the call
 * ({@code {"condition": {...}, "price": {...}}} on the wire). Its own per-request price and nested
 * conditional prices are never used: a base per-request price wins over every condition.
 */
public record ConditionalPrice(PriceCondition condition, Price price) {

  public JsonObject toJson() {
    return new JsonObject().put("condition", condition.toJson()).put("price", price.toJson());
  }

  JsonObject toApiJson() {
    return new JsonObject().put("condition", condition.toJson()).put("price", price.toApiJson());
  }

  public static ConditionalPrice fromJson(JsonObject json) {
    return new ConditionalPrice(PriceCondition.fromJson(Json.object(json, "condition")),
        Price.fromJson(Json.object(json, "price")));
  }

  static List<ConditionalPrice> listFromJson(JsonObject json) {
    JsonArray array = json.getJsonArray("conditional_prices");
    if (array == null) {
      return List.of();
    }
    return array.stream().map(item -> fromJson((JsonObject) item)).toList();
  }

  /**
   * The first pair of conditions with the same specificity that some call would match both of
   * (such a call would have two prices), described with their list indexes; empty when none.
   */
  public static Optional<String> overlap(List<ConditionalPrice> prices) {
    for (int i = 0; i < prices.size(); i++) {
      for (int j = i + 1; j < prices.size(); j++) {
        PriceCondition a = prices.get(i).condition();
        PriceCondition b = prices.get(j).condition();
        if (a.specificity() == b.specificity() && a.overlaps(b)) {
          return Optional.of("[" + i + "] and [" + j + "] overlap with the same number of bounds");
        }
      }
    }
    return Optional.empty();
  }
}
