package org.aigateway.protocol.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;

/** Asks billing-service for the spend of some tokens and groups. */
public record SpendQuery(List<Long> tokenIds, List<String> groupIds) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("token_ids", new JsonArray(tokenIds))
        .put("group_ids", new JsonArray(groupIds));
  }

  public static SpendQuery fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "SpendQuery");
    JsonArray tokens = json.getJsonArray("token_ids", new JsonArray());
    return new SpendQuery(tokens.stream().map(o -> ((Number) o).longValue()).toList(),
        Json.strings(json, "group_ids"));
  }
}
