package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;

/**
 * How the gateway serves one model: its type (a {@link Mode} number), owner label, limits, retry
 * and timeout overrides, price, and free-form {@code config} and {@code plugin} maps.
 */
public record ModelConfig(String model, String owner, int type, long rpm, long tpm, int retryTimes,
                          JsonObject timeoutConfig, Price price, JsonObject config, JsonObject plugin,
                          long createdAt, long updatedAt) {

  public Mode mode() {
    return Mode.of(type);
  }

  /** The exact form: the price's decimals as strings. */
  public JsonObject toJson() {
    return fields().put("price", price.toJson());
  }

  /** The admin API's form: the price's decimals as numbers. */
  public JsonObject toApiJson() {
    return fields().put("price", price.toApiJson());
  }

  private JsonObject fields() {
    return new JsonObject()
        .put("model", model)
        .put("owner", owner)
        .put("type", type)
        .put("rpm", rpm)
        .put("tpm", tpm)
        .put("retry_times", retryTimes)
        .put("timeout_config", timeoutConfig)
        .put("config", config)
        .put("plugin", plugin)
        .put("created_at", createdAt)
        .put("updated_at", updatedAt);
  }

  public static ModelConfig fromJson(JsonObject json) {
    return new ModelConfig(
        json.getString("model"),
        json.getString("owner", ""),
        Json.intValue(json, "type", 0),
        Json.longValue(json, "rpm"),
        Json.longValue(json, "tpm"),
        Json.intValue(json, "retry_times", 0),
        Json.object(json, "timeout_config"),
        Price.fromJson(Json.object(json, "price")),
        Json.object(json, "config"),
        Json.object(json, "plugin"),
        Json.longValue(json, "created_at"),
        Json.longValue(json, "updated_at"));
  }
}
