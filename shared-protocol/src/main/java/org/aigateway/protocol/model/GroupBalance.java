package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.Json;

/**
 * What a group has spent in total, as billing-service reports it (absolute values; of two reports
 * the one with more requests is the newer). What remains of its balance is
 * {@link Group#remainingBalance} of {@code usedAmount}.
 */
public record GroupBalance(String groupId, BigDecimal usedAmount, long requestCount) {

  /** The newer of two reports about one group. */
  public static GroupBalance newer(GroupBalance a, GroupBalance b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.requestCount() >= b.requestCount() ? a : b;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("group_id", groupId)
        .put("used_amount", usedAmount.toPlainString())
        .put("request_count", requestCount);
  }

  public static GroupBalance fromJson(JsonObject json) {
    return new GroupBalance(json.getString("group_id"), Json.decimal(json, "used_amount"),
        Json.longValue(json, "request_count"));
  }
}
