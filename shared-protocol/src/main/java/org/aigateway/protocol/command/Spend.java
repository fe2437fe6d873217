package org.aigateway.protocol.command;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/** What a token or group has spent, and over how many billed requests. */
public record Spend(BigDecimal usedAmount, long requestCount) {

  /** Nothing spent yet. */
  public static final Spend NONE = new Spend(BigDecimal.ZERO, 0);

  public JsonObject toJson() {
    return new JsonObject().put("used_amount", usedAmount.toPlainString()).put("request_count", requestCount);
  }

  public static Spend fromJson(JsonObject json) {
    return new Spend(Json.decimal(json, "used_amount"), Json.longValue(json, "request_count"));
  }
}
