package org.aigateway.protocol.command;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;

/**
 * A search of request logs. Null filters match everything; times are epoch milliseconds,
 * {@code page} starts at 1; {@code codeType} is {@code all}, {@code success} (status 200) or
 * {@code error}.
 */
public record LogQuery(String group, String model, Long tokenId, String tokenName, Integer channelId,
                       Integer code, String codeType, String requestId, long startMs, long endMs,
                       int page, int perPage, boolean ascending) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("group", group)
        .put("model", model)
        .put("token_id", tokenId)
        .put("token_name", tokenName)
        .put("channel_id", channelId)
        .put("code", code)
        .put("code_type", codeType)
        .put("request_id", requestId)
        .put("start_ms", startMs)
        .put("end_ms", endMs)
        .put("page", page)
        .put("per_page", perPage)
        .put("ascending", ascending);
  }

  public static LogQuery fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "LogQuery");
    return new LogQuery(json.getString("group"), json.getString("model"), json.getLong("token_id"),
        json.getString("token_name"), json.getInteger("channel_id"), json.getInteger("code"),
        json.getString("code_type", "all"), json.getString("request_id"),
        Json.longValue(json, "start_ms"), Json.longValue(json, "end_ms"),
        Json.intValue(json, "page", 1), Json.intValue(json, "per_page", 10),
        json.getBoolean("ascending", false));
  }
}
