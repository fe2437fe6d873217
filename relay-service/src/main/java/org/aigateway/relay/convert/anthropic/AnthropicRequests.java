package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;

/**
 * Request bodies between OpenAI chat completions and Anthropic Messages, both directions: system
 * prompts, text and image content, tools and tool choice, tool calls and results, sampling
 * parameters, stop sequences, streaming, reasoning and the end-user id.
 */
public final class AnthropicRequests {

  /** The {@code max_tokens} Anthropic requires, used when the client and the caller give none. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  private AnthropicRequests() {
  }

  /**
   * The Anthropic request for an OpenAI chat request. {@code model} replaces the client's model
   * when not {@code null}; {@code defaultMaxTokens} applies when the client set no limit (values
   * of zero or less mean {@link #DEFAULT_MAX_TOKENS}).
   */
  public static JsonObject fromOpenAi(JsonObject chat, String model, int defaultMaxTokens) {
    ChatToMessages.Result converted = ChatToMessages.convert(Jsons.array(chat, "messages"));
    JsonObject out = new JsonObject().put("model", model != null ? model : chat.getString("model"));
    Jsons.putIfPresent(out, "system", converted.system());
    out.put("messages", converted.messages()).put("max_tokens", maxTokens(chat, defaultMaxTokens));
    copy(chat, out, "temperature", "temperature");
    copy(chat, out, "top_p", "top_p");
    copy(chat, out, "top_k", "top_k");
    Object stop = chat.getValue("stop");
    if (stop instanceof String text) {
      out.put("stop_sequences", new JsonArray().add(text));
    } else if (stop instanceof JsonArray list && !list.isEmpty()) {
      out.put("stop_sequences", list.copy());
    }
    if (Boolean.TRUE.equals(chat.getValue("stream"))) {
      out.put("stream", true);
    }
    if (Jsons.hasText(chat, "user")) {
      out.put("metadata", new JsonObject().put("user_id", chat.getString("user")));
    }
    AnthropicTools.toAnthropic(chat, out);
    AnthropicThinking.toAnthropic(chat, out, converted.hasToolCalls());
    return out;
  }

  /** The OpenAI chat request for an Anthropic request; {@code model} replaces the client's when not {@code null}. */
  public static JsonObject toOpenAi(JsonObject request, String model) {
    JsonObject out = new JsonObject().put("model", model != null ? model : request.getString("model"));
    out.put("messages", MessagesToChat.convert(request.getValue("system"), Jsons.array(request, "messages")));
    copy(request, out, "max_tokens", "max_tokens");
    copy(request, out, "temperature", "temperature");
    copy(request, out, "top_p", "top_p");
    JsonArray stops = Jsons.array(request, "stop_sequences");
    if (!stops.isEmpty()) {
      out.put("stop", stops.copy());
    }
    if (Boolean.TRUE.equals(request.getValue("stream"))) {
      out.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    String user = Jsons.string(Jsons.object(request, "metadata"), "user_id");
    Jsons.putIfPresent(out, "user", user);
    AnthropicTools.toOpenAi(request, out);
    AnthropicThinking.toOpenAi(request, out);
    return out;
  }

  private static long maxTokens(JsonObject chat, int defaultMaxTokens) {
    long limit = Jsons.number(chat, "max_completion_tokens");
    if (limit <= 0) {
      limit = Jsons.number(chat, "max_tokens");
    }
    if (limit > 0) {
      return limit;
    }
    return defaultMaxTokens > 0 ? defaultMaxTokens : DEFAULT_MAX_TOKENS;
  }

  private static void copy(JsonObject from, JsonObject to, String fromField, String toField) {
    Object value = from.getValue(fromField);
    if (value instanceof Number) {
      to.put(toField, value);
    }
  }
}
