package org.aigateway.protocol.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.Json;

/**
 * An upstream account: a provider type, its credential and base URL, the models it serves (with an
 * optional rename of each model for the upstream) and the sets it belongs to.
 *
 * @param enabledNoPermissionBan ban a model of this channel at once when the upstream answers 401/402/403/404
 * @param maxErrorRate           ban a model of this channel when its recent error rate reaches this
 *                               (0: the relay's global rule applies)
 */
public record Channel(int id, int type, String name, String key, String baseUrl, List<String> models,
                      Map<String, String> modelMapping, int priority, int status, List<String> sets,
                      long createdAt, boolean enabledNoPermissionBan, double maxErrorRate) {

  /** The set a channel or group belongs to when none is given. */
  public static final String DEFAULT_SET = "default";

  /** The model sent upstream for {@code model}: its mapping if there is one, else the model itself. */
  public String upstreamModel(String model) {
    return modelMapping.getOrDefault(model, model);
  }

  /** The selection weight: priority 0 means 10, negative means never chosen by weight. */
  public int weight() {
    if (priority == 0) {
      return 10;
    }
    return Math.max(0, Math.min(priority, 1_000_000));
  }

  public boolean enabled() {
    return status == Status.ENABLED;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("type", type)
        .put("name", name)
        .put("key", key)
        .put("base_url", baseUrl)
        .put("models", new JsonArray(models))
        .put("model_mapping", new JsonObject(Map.copyOf(modelMapping)))
        .put("priority", priority)
        .put("status", status)
        .put("sets", new JsonArray(sets))
        .put("created_at", createdAt)
        .put("enabled_no_permission_ban", enabledNoPermissionBan)
        .put("max_error_rate", maxErrorRate);
  }

  public static Channel fromJson(JsonObject json) {
    List<String> sets = Json.strings(json, "sets");
    return new Channel(
        Json.intValue(json, "id", 0),
        Json.intValue(json, "type", 0),
        json.getString("name", ""),
        json.getString("key", ""),
        json.getString("base_url", ""),
        Json.strings(json, "models"),
        Json.stringMap(json, "model_mapping"),
        Json.intValue(json, "priority", 0),
        Json.intValue(json, "status", Status.ENABLED),
        sets.isEmpty() ? List.of(DEFAULT_SET) : sets,
        Json.longValue(json, "created_at"),
        json.getBoolean("enabled_no_permission_ban", false),
        json.getValue("max_error_rate") instanceof Number rate ? rate.doubleValue() : 0);
  }
}
