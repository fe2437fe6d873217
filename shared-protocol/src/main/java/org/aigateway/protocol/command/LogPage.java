package org.aigateway.protocol.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Versioned;

/** One page of logs, as the admin API shows them, and the total count matching the query. */
public record LogPage(JsonArray logs, long total) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public JsonObject toJson() {
    return new JsonObject().put(Versioned.FIELD, VERSION).put("logs", logs).put("total", total);
  }

  public static LogPage fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "LogPage");
    return new LogPage(json.getJsonArray("logs", new JsonArray()), json.getLong("total", 0L));
  }
}
