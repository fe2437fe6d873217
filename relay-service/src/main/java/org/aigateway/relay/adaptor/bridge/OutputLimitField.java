package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.json.JsonObject;

/**
 * The field an upstream reads the output limit of a converted (Anthropic or Gemini) chat request
 * from. The converters write {@code max_tokens}, the name every OpenAI-compatible server knows;
 * OpenAI has deprecated it and its reasoning models (o1, o3, o4, gpt-5 families) refuse it, while
 * all its chat models accept {@code max_completion_tokens}, which other servers may not know.
 */
public enum OutputLimitField {

  /** {@code max_tokens}, as the converters write it: generic OpenAI-compatible servers, DeepSeek. */
  MAX_TOKENS,
  /** {@code max_completion_tokens}: OpenAI and Azure OpenAI. */
  MAX_COMPLETION_TOKENS;

  private static final String CONVERTED = "max_tokens";

  /** The converted chat request {@code chat} with its limit under this field (changed in place). */
  JsonObject apply(JsonObject chat) {
    if (this == MAX_COMPLETION_TOKENS && chat.containsKey(CONVERTED)) {
      chat.put("max_completion_tokens", chat.remove(CONVERTED));
    }
    return chat;
  }
}
