package org.aigateway.protocol.event;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Versioned;

/**
 * Admin-service changed a configuration item; readers reload that item. {@code id} is the
 * channel id, group id, token id, model name, or {@code <group>/<model>} for a group model config
 * (see {@link org.aigateway.protocol.model.GroupModelConfig#id}). Deleting a group also deletes its
 * tokens and group model configs; an event is published for each.
 */
public record ConfigChanged(Kind kind, String id, Op op) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  /** What kind of item changed. */
  public enum Kind { CHANNEL, GROUP, TOKEN, MODEL_CONFIG, GROUP_MODEL_CONFIG }

  /** Whether the item now exists. */
  public enum Op { UPSERT, DELETE }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("kind", kind.name())
        .put("id", id)
        .put("op", op.name());
  }

  public static ConfigChanged fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "ConfigChanged");
    return new ConfigChanged(Kind.valueOf(json.getString("kind")), json.getString("id"),
        Op.valueOf(json.getString("op")));
  }
}
