package org.aigateway.relay.convert;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;

/**
 * OpenAI's chat {@code usage} object, read and written with its details: cached, cache-creation,
 * image and audio prompt tokens; reasoning and image completion tokens. Details that are zero and
 * not part of OpenAI's usual shape are left out when writing.
 */
public final class ChatUsageJson {

  private ChatUsageJson() {
  }

  /** The usage an OpenAI {@code usage} object states. */
  public static Usage parse(JsonObject usage) {
    JsonObject prompt = Jsons.object(usage, "prompt_tokens_details");
    JsonObject completion = Jsons.object(usage, "completion_tokens_details");
    Usages.Media media = new Usages.Media(Jsons.number(prompt, "image_tokens"), Jsons.number(prompt, "audio_tokens"),
        Jsons.number(completion, "image_tokens"), 0);
    return Usages.of(Jsons.number(usage, "prompt_tokens"), Jsons.number(usage, "completion_tokens"),
        Jsons.number(prompt, "cached_tokens"), Jsons.number(prompt, "cache_creation_tokens"),
        Jsons.number(completion, "reasoning_tokens"), Jsons.number(usage, "total_tokens"), media);
  }

  /** OpenAI's {@code usage} object for {@code usage}. */
  public static JsonObject toJson(Usage usage) {
    JsonObject prompt = new JsonObject().put("cached_tokens", usage.cachedTokens());
    putPositive(prompt, "cache_creation_tokens", usage.cacheCreationTokens());
    putPositive(prompt, "image_tokens", usage.imageInputTokens());
    putPositive(prompt, "audio_tokens", usage.audioInputTokens());
    JsonObject completion = new JsonObject().put("reasoning_tokens", usage.reasoningTokens());
    putPositive(completion, "image_tokens", usage.imageOutputTokens());
    return new JsonObject()
        .put("prompt_tokens", usage.inputTokens())
        .put("completion_tokens", usage.outputTokens())
        .put("total_tokens", usage.totalTokens())
        .put("prompt_tokens_details", prompt)
        .put("completion_tokens_details", completion);
  }

  private static void putPositive(JsonObject json, String field, long value) {
    if (value > 0) {
      json.put(field, value);
    }
  }
}
