package org.aigateway.admin.groupmodel;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.aigateway.admin.http.Fields;
import org.aigateway.admin.modelconfig.ModelConfigDraft;
import org.aigateway.admin.modelconfig.PriceDraft;
import org.aigateway.protocol.model.Price;

/** A validated group model config as the admin sent it; the group comes from the path. */
public record GroupModelConfigDraft(String model, boolean overrideLimit, long rpm, long tpm, boolean overridePrice,
                                    Price price, boolean overrideRetryTimes, int retryTimes, boolean overrideTimeout,
                                    JsonObject timeoutConfig) {

  /** Validates {@code json} for {@code model} (from the path, or the body's {@code model} when null). */
  public static GroupModelConfigDraft parse(JsonObject json, String model, String prefix) {
    Fields fields = Fields.of(json, prefix);
    String name = model != null ? model : fields.requiredString("model", ModelConfigDraft.MODEL_MAX).trim();
    if (name.isEmpty()) {
      throw fields.invalid("model", "is required");
    }
    return new GroupModelConfigDraft(name,
        fields.bool("override_limit", false),
        fields.nonNegativeLong("rpm", 0),
        fields.nonNegativeLong("tpm", 0),
        fields.bool("override_price", false),
        PriceDraft.parse(fields.object("price"), prefix + "price."),
        fields.bool("override_retry_times", false),
        (int) Math.min(fields.nonNegativeLong("retry_times", 0), Integer.MAX_VALUE),
        fields.bool("override_timeout", false),
        ModelConfigDraft.timeouts(fields, prefix));
  }

  /** Parameters {@code $1} to {@code $11}: group, then the columns in table order. */
  Tuple toTuple(String group) {
    return Tuple.of(group, model, overrideLimit, rpm, tpm, overridePrice).addValue(price.toJson())
        .addValue(overrideRetryTimes).addValue(retryTimes).addValue(overrideTimeout).addValue(timeoutConfig);
  }
}
