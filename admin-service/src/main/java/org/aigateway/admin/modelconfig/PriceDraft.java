package org.aigateway.admin.modelconfig;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Fields;
import org.aigateway.protocol.model.ConditionalPrice;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.PriceCondition;

/**
 * Validates a {@code price} object of the admin API: every price a non-negative number (or decimal
 * string), every unit a non-negative integer, and conditional prices whose bounds make sense and of
 * which no two with the same number of bounds can match the same call.
 */
public final class PriceDraft {

  private static final String CONDITIONAL = "conditional_prices";

  private PriceDraft() {
  }

  /** The price of {@code json}; field names in errors start with {@code prefix} (e.g. {@code price.}). */
  public static Price parse(JsonObject json, String prefix) {
    return parse(json, prefix, true);
  }

  private static Price parse(JsonObject json, String prefix, boolean base) {
    Fields fields = Fields.of(json, prefix);
    BigDecimal perRequest = fields.exactNonNegativeDecimal("per_request_price", BigDecimal.ZERO);
    if (!base && perRequest.signum() != 0) {
      throw fields.invalid("per_request_price", "is not allowed in a conditional price (a base per-request price "
          + "replaces token prices)");
    }
    JsonObject exact = new JsonObject().put("per_request_price", perRequest.toPlainString());
    for (String name : Price.UNIT_PRICE_NAMES) {
      exact.put(name + "_price", fields.exactNonNegativeDecimal(name + "_price", BigDecimal.ZERO).toPlainString());
      exact.put(name + "_price_unit", fields.nonNegativeLong(name + "_price_unit", 0));
    }
    if (!base && json.getValue(CONDITIONAL) != null) {
      throw fields.invalid(CONDITIONAL, "is not allowed in a conditional price");
    }
    List<ConditionalPrice> conditional = base ? conditional(json, prefix) : List.of();
    exact.put(CONDITIONAL, new JsonArray(conditional.stream().map(ConditionalPrice::toJson).toList()));
    return Price.fromJson(exact);
  }

  private static List<ConditionalPrice> conditional(JsonObject json, String prefix) {
    Object value = json.getValue(CONDITIONAL);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.badRequest(prefix + CONDITIONAL + " must be a list");
    }
    List<ConditionalPrice> prices = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String itemPrefix = prefix + CONDITIONAL + "[" + i + "].";
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw ApiException.badRequest(prefix + CONDITIONAL + "[" + i + "] must be a JSON object");
      }
      Fields fields = Fields.of(item, itemPrefix);
      prices.add(new ConditionalPrice(condition(fields.object("condition"), itemPrefix + "condition."),
          parse(fields.object("price"), itemPrefix + "price.", false)));
    }
    ConditionalPrice.overlap(prices).ifPresent(problem -> {
      throw ApiException.badRequest(prefix + CONDITIONAL + " " + problem);
    });
    return prices;
  }

  private static PriceCondition condition(JsonObject json, String prefix) {
    Fields fields = Fields.of(json, prefix);
    PriceCondition condition = new PriceCondition(
        fields.nonNegativeLong("input_token_min", 0), fields.nonNegativeLong("input_token_max", 0),
        fields.nonNegativeLong("output_token_min", 0), fields.nonNegativeLong("output_token_max", 0),
        fields.nonNegativeLong("start_time", 0), fields.nonNegativeLong("end_time", 0));
    condition.problem().ifPresent(problem -> {
      throw ApiException.badRequest(prefix + problem);
    });
    return condition;
  }
}
