package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;

/**
 * A group's overrides of one model's config (the original's {@code group_model_configs}). Each
 * override applies only when its flag is set: {@code override_limit} (rpm, tpm),
 * {@code override_price} (price), {@code override_retry_times} (retry_times) and
 * {@code override_timeout} (timeout_config).
 */
public record GroupModelConfig(String group, String model, boolean overrideLimit, long rpm, long tpm,
                               boolean overridePrice, Price price, boolean overrideRetryTimes, int retryTimes,
                               boolean overrideTimeout, JsonObject timeoutConfig, long createdAt, long updatedAt) {

  /** Group ids never contain {@code /}, so the first one separates the group from the model. */
  private static final char SEPARATOR = '/';

  /** The id of {@code ConfigChanged} events about this item: {@code <group>/<model>}. */
  public String id() {
    return id(group, model);
  }

  public static String id(String group, String model) {
    return group + SEPARATOR + model;
  }

  /** The group of an {@link #id}. */
  public static String groupOf(String id) {
    return id.substring(0, id.indexOf(SEPARATOR));
  }

  /** The model of an {@link #id} (which may itself contain {@code /}). */
  public static String modelOf(String id) {
    return id.substring(id.indexOf(SEPARATOR) + 1);
  }

  /** {@code base} with the overrides whose flags are set. */
  public ModelConfig applyTo(ModelConfig base) {
    return new ModelConfig(base.model(), base.owner(), base.type(),
        overrideLimit ? rpm : base.rpm(), overrideLimit ? tpm : base.tpm(),
        overrideRetryTimes ? retryTimes : base.retryTimes(),
        overrideTimeout ? timeoutConfig : base.timeoutConfig(),
        overridePrice ? price : base.price(),
        base.config(), base.plugin(), base.createdAt(), base.updatedAt());
  }

  /** The exact form: the price's decimals as strings. */
  public JsonObject toJson() {
    return fields().put("price", price.toJson());
  }

  /** The admin API's form: the price's decimals as numbers. */
  public JsonObject toApiJson() {
    return fields().put("price", price.toApiJson());
  }

  public static GroupModelConfig fromJson(JsonObject json) {
    return new GroupModelConfig(
        json.getString("group_id"),
        json.getString("model"),
        json.getBoolean("override_limit", false),
        Json.longValue(json, "rpm"),
        Json.longValue(json, "tpm"),
        json.getBoolean("override_price", false),
        Price.fromJson(Json.object(json, "price")),
        json.getBoolean("override_retry_times", false),
        Json.intValue(json, "retry_times", 0),
        json.getBoolean("override_timeout", false),
        Json.object(json, "timeout_config"),
        Json.longValue(json, "created_at"),
        Json.longValue(json, "updated_at"));
  }

  private JsonObject fields() {
    return new JsonObject()
        .put("group_id", group)
        .put("model", model)
        .put("override_limit", overrideLimit)
        .put("rpm", rpm)
        .put("tpm", tpm)
        .put("override_price", overridePrice)
        .put("override_retry_times", overrideRetryTimes)
        .put("retry_times", retryTimes)
        .put("override_timeout", overrideTimeout)
        .put("timeout_config", timeoutConfig)
        .put("created_at", createdAt)
        .put("updated_at", updatedAt);
  }
}
