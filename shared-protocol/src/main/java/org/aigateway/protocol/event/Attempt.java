package org.aigateway.protocol.event;

import io.vertx.core.json.JsonObject;

/** One upstream attempt of a request: which channel, what it answered, when and how long it took. */
public record Attempt(int channelId, int status, long startedAt, long durationMs, String error) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("channel_id", channelId)
        .put("status", status)
        .put("started_at", startedAt)
        .put("duration_ms", durationMs)
        .put("error", error);
  }

  public static Attempt fromJson(JsonObject json) {
    return new Attempt(json.getInteger("channel_id", 0), json.getInteger("status", 0),
        json.getLong("started_at", 0L), json.getLong("duration_ms", 0L), json.getString("error"));
  }
}
