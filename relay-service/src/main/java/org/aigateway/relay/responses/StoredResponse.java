package org.aigateway.relay.responses;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Price;

/**
 * Where a response an upstream stores was created: the channel that holds it, the group whose
 * caller created it (the only group that may reach it) and the model requested.
 *
 * @param backgroundPrice the price its creator pays, set only for a background response whose creation billed
 *                        nothing: the first follow-up that sees its final usage bills it at this price
 * @param createdAt       when the creation arrived (epoch ms), the time its price's conditions compare with
 */
public record StoredResponse(int channelId, String groupId, String model, Price backgroundPrice, long createdAt) {

  /** A response billed when it was created: its follow-ups are free. */
  public StoredResponse(int channelId, String groupId, String model) {
    this(channelId, groupId, model, null, 0);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("channel", channelId).put("group", groupId).put("model", model);
    return backgroundPrice == null ? json
        : json.put("background_price", backgroundPrice.toJson()).put("created_at", createdAt);
  }

  static StoredResponse fromJson(JsonObject json) {
    JsonObject price = json.getJsonObject("background_price");
    return new StoredResponse(json.getInteger("channel"), json.getString("group"), json.getString("model"),
        price == null ? null : Price.fromJson(price), json.getLong("created_at", 0L));
  }
}
