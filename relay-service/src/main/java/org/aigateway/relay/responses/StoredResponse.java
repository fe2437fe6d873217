package org.aigateway.relay.responses;

import io.vertx.core.json.JsonObject;

/**
 * Where a response an upstream stores was created: the channel that holds it, the group whose
 * caller created it (the only group that may reach it) and the model requested.
 */
public record StoredResponse(int channelId, String groupId, String model) {

  JsonObject toJson() {
    return new JsonObject().put("channel", channelId).put("group", groupId).put("model", model);
  }

  static StoredResponse fromJson(JsonObject json) {
    return new StoredResponse(json.getInteger("channel"), json.getString("group"), json.getString("model"));
  }
}
