package org.aigateway.relay.adaptor.openai;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;

/** Reads OpenAI's {@code usage} object, including cached, cache-creation, reasoning, image and audio token details. */
final class OpenAiUsage {

  /** Stands in for an absent details object; only read. */
  private static final JsonObject EMPTY = new JsonObject();

  private OpenAiUsage() {
  }

  static Usage parse(JsonObject usage) {
    long prompt = number(usage.getValue("prompt_tokens"));
    long completion = number(usage.getValue("completion_tokens"));
    long total = number(usage.getValue("total_tokens"));
    JsonObject promptDetails = object(usage, "prompt_tokens_details");
    JsonObject completionDetails = object(usage, "completion_tokens_details");
    return new Usage(prompt, completion,
        number(promptDetails.getValue("cached_tokens")),
        number(promptDetails.getValue("cache_creation_tokens")),
        number(completionDetails.getValue("reasoning_tokens")),
        total > 0 ? total : prompt + completion,
        number(promptDetails.getValue("image_tokens")),
        number(promptDetails.getValue("audio_tokens")),
        number(completionDetails.getValue("image_tokens")),
        0);
  }

  private static JsonObject object(JsonObject json, String field) {
    return json.getValue(field) instanceof JsonObject object ? object : EMPTY;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
