package org.aigateway.protocol.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;

/**
 * Published by billing-service after each usage batch that billed something new: the spend of
 * every token and group the batch charged, once each, as absolute values ({@code at} is billing's
 * clock, epoch ms). A replayed batch bills nothing and publishes nothing.
 */
public record BalanceChanged(List<TokenBalance> tokens, List<GroupBalance> groups, long at) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public BalanceChanged {
    tokens = List.copyOf(tokens);
    groups = List.copyOf(groups);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("tokens", new JsonArray(tokens.stream().map(TokenBalance::toJson).toList()))
        .put("groups", new JsonArray(groups.stream().map(GroupBalance::toJson).toList()))
        .put("at", at);
  }

  public static BalanceChanged fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "BalanceChanged");
    return new BalanceChanged(
        json.getJsonArray("tokens", new JsonArray()).stream().map(o -> TokenBalance.fromJson((JsonObject) o)).toList(),
        json.getJsonArray("groups", new JsonArray()).stream().map(o -> GroupBalance.fromJson((JsonObject) o)).toList(),
        Json.longValue(json, "at"));
  }
}
