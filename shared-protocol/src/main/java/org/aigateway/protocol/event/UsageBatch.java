package org.aigateway.protocol.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Versioned;

/**
 * A batch of completed requests sent by a relay's outbox to one consumer service; immutable, so that
 * {@link UsageBatchCodec} can hand it to a consumer in the same process as it is.
 */
public record UsageBatch(List<RelayCompleted> events) {

  public UsageBatch {
    events = List.copyOf(events);
  }

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
