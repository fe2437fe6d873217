package org.aigateway.admin.modelconfig;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.aigateway.admin.http.Fields;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Price;

/** A validated model config as the admin sent it. */
public record ModelConfigDraft(String model, String owner, int type, long rpm, long tpm, int retryTimes,
                               JsonObject timeoutConfig, Price price, JsonObject config, JsonObject plugin) {

  public static final int MODEL_MAX = 128;
  static final int OWNER_MAX = 64;

  /** Validates {@code json} for {@code model} (from the path, or the body's {@code model} when null). */
  public static ModelConfigDraft parse(JsonObject json, String model, String prefix) {
    Fields fields = Fields.of(json, prefix);
    String name = model != null ? model : fields.requiredString("model", MODEL_MAX).trim();
    if (name.isEmpty() || name.length() > MODEL_MAX) {
      throw fields.invalid("model", "must be 1 to " + MODEL_MAX + " characters");
    }
    return new ModelConfigDraft(name,
        fields.string("owner", OWNER_MAX, ""),
        type(fields),
        fields.nonNegativeLong("rpm", 0),
        fields.nonNegativeLong("tpm", 0),
        (int) Math.min(fields.nonNegativeLong("retry_times", 0), Integer.MAX_VALUE),
        timeouts(fields, prefix),
        PriceDraft.parse(fields.object("price"), prefix + "price."),
        fields.object("config"),
        fields.object("plugin"));
  }

  Tuple toTuple() {
    return Tuple.of(model, owner, type, rpm, tpm, retryTimes)
        .addValue(timeoutConfig).addValue(price.toJson()).addValue(config).addValue(plugin);
  }

  private static int type(Fields fields) {
    int type = fields.integer("type", Mode.UNKNOWN.number());
    if (Mode.of(type).number() != type) {
      throw fields.invalid("type", "is not a known mode number");
    }
    return type;
  }

  /** The {@code timeout_config} object, its timeouts checked to be non-negative integers of seconds. */
  public static JsonObject timeouts(Fields fields, String prefix) {
    JsonObject timeouts = fields.object("timeout_config");
    Fields nested = Fields.of(timeouts, prefix + "timeout_config.");
    nested.nonNegativeLong("request_timeout", 0);
    nested.nonNegativeLong("stream_request_timeout", 0);
    nested.nonNegativeLong("stream_idle_timeout", 0);
    return timeouts;
  }
}
