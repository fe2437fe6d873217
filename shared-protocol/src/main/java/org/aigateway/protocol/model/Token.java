package org.aigateway.protocol.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.Json;

/**
 * A key a client calls with. It belongs to one group; {@code models} (case-insensitive) narrows
 * the group's models when not empty; {@code quota} of zero means unlimited. {@code rpm} and
 * {@code tpm} are the key's own requests and tokens per minute over all its models, on top of the
 * group × model limits; 0 means unlimited (and is what JSON without them decodes to).
 */
public record Token(long id, String key, String name, String group, List<String> subnets, List<String> models,
                    int status, BigDecimal quota, BigDecimal periodQuota, String periodType, long createdAt,
                    long rpm, long tpm) {

  /** Length of generated keys. */
  public static final int KEY_LENGTH = 48;

  /** A token without limits of its own. */
  public Token(long id, String key, String name, String group, List<String> subnets, List<String> models,
               int status, BigDecimal quota, BigDecimal periodQuota, String periodType, long createdAt) {
    this(id, key, name, group, subnets, models, status, quota, periodQuota, periodType, createdAt, 0, 0);
  }

  public boolean enabled() {
    return status == Status.ENABLED;
  }

  /** Whether this token may call {@code model}. */
  public boolean allows(String model) {
    return models.isEmpty() || models.stream().anyMatch(m -> m.equalsIgnoreCase(model));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("key", key)
        .put("name", name)
        .put("group", group)
        .put("subnets", new JsonArray(subnets))
        .put("models", new JsonArray(models))
        .put("status", status)
        .put("quota", quota)
        .put("period_quota", periodQuota)
        .put("period_type", periodType)
        .put("created_at", createdAt)
        .put("rpm", rpm)
        .put("tpm", tpm);
  }

  public static Token fromJson(JsonObject json) {
    return new Token(
        Json.longValue(json, "id"),
        json.getString("key"),
        json.getString("name", ""),
        json.getString("group"),
        Json.strings(json, "subnets"),
        Json.strings(json, "models"),
        Json.intValue(json, "status", Status.ENABLED),
        Json.decimal(json, "quota"),
        Json.decimal(json, "period_quota"),
        json.getString("period_type", "monthly"),
        Json.longValue(json, "created_at"),
        Json.longValue(json, "rpm"),
        Json.longValue(json, "tpm"));
  }
}
