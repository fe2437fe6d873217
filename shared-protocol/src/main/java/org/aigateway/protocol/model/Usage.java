package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;

/**
 * Usage of one call, normalised across providers (field names as in the original's
 * {@code model.Usage}): {@code inputTokens} includes the cached, cache-creation, image and audio
 * input tokens; {@code outputTokens} includes the reasoning and image output tokens;
 * {@code webSearchCount} counts the web searches the provider ran.
 */
public record Usage(long inputTokens, long outputTokens, long cachedTokens, long cacheCreationTokens,
                    long reasoningTokens, long totalTokens, long imageInputTokens, long audioInputTokens,
                    long imageOutputTokens, long webSearchCount) {

  /** No usage. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0);

  /** Text-only usage: no image, audio or web search. */
  public Usage(long inputTokens, long outputTokens, long cachedTokens, long cacheCreationTokens,
               long reasoningTokens, long totalTokens) {
    this(inputTokens, outputTokens, cachedTokens, cacheCreationTokens, reasoningTokens, totalTokens, 0, 0, 0, 0);
  }

  /** Usage with only input and output counts; the total is their sum. */
  public static Usage of(long inputTokens, long outputTokens) {
    return new Usage(inputTokens, outputTokens, 0, 0, 0, inputTokens + outputTokens);
  }

  /** Whether nothing was counted: no token and no web search. */
  public boolean isZero() {
    return inputTokens == 0 && outputTokens == 0 && totalTokens == 0 && webSearchCount == 0;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("input_tokens", inputTokens)
        .put("output_tokens", outputTokens)
        .put("cached_tokens", cachedTokens)
        .put("cache_creation_tokens", cacheCreationTokens)
        .put("reasoning_tokens", reasoningTokens)
        .put("total_tokens", totalTokens)
        .put("image_input_tokens", imageInputTokens)
        .put("audio_input_tokens", audioInputTokens)
        .put("image_output_tokens", imageOutputTokens)
        .put("web_search_count", webSearchCount);
  }

  /** Reads any version of the usage JSON; fields it lacks are zero. */
  public static Usage fromJson(JsonObject json) {
    return new Usage(
        Json.longValue(json, "input_tokens"),
        Json.longValue(json, "output_tokens"),
        Json.longValue(json, "cached_tokens"),
        Json.longValue(json, "cache_creation_tokens"),
        Json.longValue(json, "reasoning_tokens"),
        Json.longValue(json, "total_tokens"),
        Json.longValue(json, "image_input_tokens"),
        Json.longValue(json, "audio_input_tokens"),
        Json.longValue(json, "image_output_tokens"),
        Json.longValue(json, "web_search_count"));
  }
}
