package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Json;

/**
 * Token usage of one call, normalised across providers: {@code inputTokens} includes the cached
 * and cache-creation tokens, {@code outputTokens} includes the reasoning tokens.
 */
public record Usage(long inputTokens, long outputTokens, long cachedTokens, long cacheCreationTokens,
                    long reasoningTokens, long totalTokens) {

  /** No usage. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0);

  /** Usage with only input and output counts; the total is their sum. */
  public static Usage of(long inputTokens, long outputTokens) {
    return new Usage(inputTokens, outputTokens, 0, 0, 0, inputTokens + outputTokens);
  }

  /** Whether any token was counted. */
  public boolean isZero() {
    return inputTokens == 0 && outputTokens == 0 && totalTokens == 0;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("input_tokens", inputTokens)
        .put("output_tokens", outputTokens)
        .put("cached_tokens", cachedTokens)
        .put("cache_creation_tokens", cacheCreationTokens)
        .put("reasoning_tokens", reasoningTokens)
        .put("total_tokens", totalTokens);
  }

  public static Usage fromJson(JsonObject json) {
    return new Usage(
        Json.longValue(json, "input_tokens"),
        Json.longValue(json, "output_tokens"),
        Json.longValue(json, "cached_tokens"),
        Json.longValue(json, "cache_creation_tokens"),
        Json.longValue(json, "reasoning_tokens"),
        Json.longValue(json, "total_tokens"));
  }
}
