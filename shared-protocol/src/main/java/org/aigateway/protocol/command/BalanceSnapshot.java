package org.aigateway.protocol.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;

/**
 * One page of billing-service's answer to a {@link BalanceQuery}: tokens and groups in id order
 * (items never billed are absent), whether more of each follow, and billing's clock ({@code at}).
 */
public record BalanceSnapshot(List<TokenBalance> tokens, List<GroupBalance> groups, boolean moreTokens,
                              boolean moreGroups, long at) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public BalanceSnapshot {
    tokens = List.copyOf(tokens);
    groups = List.copyOf(groups);
  }

  /** The query for the page after this one, answered by {@code query}; empty when this is the last. */
  public Optional<BalanceQuery> next(BalanceQuery query) {
    if (!moreTokens && !moreGroups) {
      return Optional.empty();
    }
    long afterToken = tokens.isEmpty() ? query.afterTokenId() : tokens.get(tokens.size() - 1).tokenId();
    String afterGroup = groups.isEmpty() ? query.afterGroupId() : groups.get(groups.size() - 1).groupId();
    return Optional.of(new BalanceQuery(moreTokens ? afterToken : Long.MAX_VALUE, afterGroup, query.limit()));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("tokens", new JsonArray(tokens.stream().map(TokenBalance::toJson).toList()))
        .put("groups", new JsonArray(groups.stream().map(GroupBalance::toJson).toList()))
        .put("more_tokens", moreTokens)
        .put("more_groups", moreGroups)
        .put("at", at);
  }

  public static BalanceSnapshot fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "BalanceSnapshot");
    return new BalanceSnapshot(
        json.getJsonArray("tokens", new JsonArray()).stream().map(o -> TokenBalance.fromJson((JsonObject) o)).toList(),
        json.getJsonArray("groups", new JsonArray()).stream().map(o -> GroupBalance.fromJson((JsonObject) o)).toList(),
        json.getBoolean("more_tokens", false), json.getBoolean("more_groups", false), Json.longValue(json, "at"));
  }
}
