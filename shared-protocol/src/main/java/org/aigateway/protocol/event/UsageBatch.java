package org.aigateway.protocol.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Versioned;

/** A batch of completed requests sent by a relay's outbox to one consumer service. */
public record UsageBatch(List<RelayCompleted> events) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("events", new JsonArray(events.stream().map(RelayCompleted::toJson).toList()));
  }

  public static UsageBatch fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "UsageBatch");
    return new UsageBatch(json.getJsonArray("events", new JsonArray()).stream()
        .map(o -> RelayCompleted.fromJson((JsonObject) o))
        .toList());
  }
}
