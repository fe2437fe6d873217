package org.aigateway.protocol.command;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.aigateway.protocol.Versioned;

/** Billing-service's answer to a {@link SpendQuery}; items never billed are absent. */
public record SpendReport(Map<Long, Spend> tokens, Map<String, Spend> groups) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  /** The spend of a token, {@link Spend#NONE} if it was never billed. */
  public Spend token(long tokenId) {
    return tokens.getOrDefault(tokenId, Spend.NONE);
  }

  /** The spend of a group, {@link Spend#NONE} if it was never billed. */
  public Spend group(String groupId) {
    return groups.getOrDefault(groupId, Spend.NONE);
  }

  public JsonObject toJson() {
    JsonObject tokenJson = new JsonObject();
    tokens.forEach((id, spend) -> tokenJson.put(String.valueOf(id), spend.toJson()));
    JsonObject groupJson = new JsonObject();
    groups.forEach((id, spend) -> groupJson.put(id, spend.toJson()));
    return new JsonObject().put(Versioned.FIELD, VERSION).put("tokens", tokenJson).put("groups", groupJson);
  }

  public static SpendReport fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "SpendReport");
    Map<Long, Spend> tokens = new HashMap<>();
    json.getJsonObject("tokens", new JsonObject())
        .forEach(e -> tokens.put(Long.parseLong(e.getKey()), Spend.fromJson((JsonObject) e.getValue())));
    Map<String, Spend> groups = new HashMap<>();
    json.getJsonObject("groups", new JsonObject())
        .forEach(e -> groups.put(e.getKey(), Spend.fromJson((JsonObject) e.getValue())));
    return new SpendReport(Map.copyOf(tokens), Map.copyOf(groups));
  }
}
