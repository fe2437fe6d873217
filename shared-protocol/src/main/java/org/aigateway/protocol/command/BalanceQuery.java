package org.aigateway.protocol.command;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;

/**
 * Asks billing-service for one page of everybody's spend, in id order: up to {@code limit} tokens
 * with an id above {@code afterTokenId} and up to {@code limit} groups with an id after
 * {@code afterGroupId}. Start with {@link #FIRST} and follow {@link BalanceSnapshot#next}.
 */
public record BalanceQuery(long afterTokenId, String afterGroupId, int limit) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  /** Largest page billing-service returns. */
  public static final int MAX_LIMIT = 5_000;

  /** The first page, of the default size. */
  public static final BalanceQuery FIRST = new BalanceQuery(0, "", 1_000);

  public BalanceQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
    }
    afterGroupId = afterGroupId == null ? "" : afterGroupId;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("after_token_id", afterTokenId)
        .put("after_group_id", afterGroupId)
        .put("limit", limit);
  }

  public static BalanceQuery fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "BalanceQuery");
    return new BalanceQuery(Json.longValue(json, "after_token_id"), json.getString("after_group_id", ""),
        Json.intValue(json, "limit", FIRST.limit()));
  }
}
