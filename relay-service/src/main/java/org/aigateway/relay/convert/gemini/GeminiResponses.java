package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.ChatUsageJson;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;

/**
 * Whole (non-stream) responses between Gemini's {@code GenerateContentResponse} and OpenAI's
 * {@code chat.completion}.
 */
public final class GeminiResponses {

  private GeminiResponses() {
  }

  /**
   * The chat completion for a Gemini response: one choice per candidate, thought parts as
   * {@code reasoning_content}, function calls as tool calls with made-up ids; a prompt Gemini
   * blocked gives one empty choice with {@code content_filter}.
   */
  public static JsonObject toOpenAi(JsonObject response, String model) {
    JsonArray choices = new JsonArray();
    for (JsonObject candidate : Jsons.objects(Jsons.array(response, "candidates"))) {
      choices.add(choice(candidate, choices.size()));
    }
    if (choices.isEmpty()) {
      choices.add(new JsonObject().put("index", 0)
          .put("message", new JsonObject().put("role", "assistant").put("content", ""))
          .put("finish_reason", "content_filter"));
    }
    String id = Jsons.hasText(response, "responseId") ? response.getString("responseId") : Ids.responseId("chatcmpl-");
    return new JsonObject().put("id", id).put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model != null ? model : response.getString("modelVersion"))
        .put("choices", choices).put("usage", ChatUsageJson.toJson(usage(response)));
  }

  /** The usage a Gemini response reports, normalised. */
  public static Usage usage(JsonObject response) {
    return GeminiUsage.parse(Jsons.object(response, "usageMetadata"));
  }

  private static JsonObject choice(JsonObject candidate, int position) {
    StringBuilder text = new StringBuilder();
    StringBuilder thoughts = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (JsonObject part : Jsons.objects(Jsons.array(Jsons.object(candidate, "content"), "parts"))) {
      if (part.getValue("functionCall") instanceof JsonObject call) {
        String id = Jsons.hasText(call, "id") ? call.getString("id") : Ids.callId();
        calls.add(GeminiParts.toolCall(part, id, calls.size()));
      } else if (part.getValue("text") instanceof String t) {
        (Boolean.TRUE.equals(part.getValue("thought")) ? thoughts : text).append(t);
      }
    }
    JsonObject message = new JsonObject().put("role", "assistant")
        .put("content", text.isEmpty() && !calls.isEmpty() ? null : text.toString());
    if (!thoughts.isEmpty()) {
      message.put("reasoning_content", thoughts.toString());
    }
    if (!calls.isEmpty()) {
      message.put("tool_calls", calls);
    }
    String finish = FinishReasons.toOpenAi(candidate.getString("finishReason", "STOP"), !calls.isEmpty());
    return new JsonObject().put("index", candidate.getInteger("index", position)).put("message", message)
        .put("logprobs", null).put("finish_reason", finish);
  }

  /** The Gemini response for a chat completion: one candidate per choice. */
  public static JsonObject fromOpenAi(JsonObject completion, String model) {
    JsonArray candidates = new JsonArray();
    for (JsonObject choice : Jsons.objects(Jsons.array(completion, "choices"))) {
      JsonObject content = new JsonObject().put("role", "model").put("parts", parts(Jsons.object(choice, "message")));
      candidates.add(new JsonObject().put("content", content)
          .put("finishReason", FinishReasons.fromOpenAi(Jsons.string(choice, "finish_reason")))
          .put("index", choice.getInteger("index", candidates.size())));
    }
    Usage usage = completion.getValue("usage") instanceof JsonObject u ? ChatUsageJson.parse(u) : Usage.ZERO;
    return new JsonObject().put("candidates", candidates).put("usageMetadata", GeminiUsage.toJson(usage))
        .put("modelVersion", model != null ? model : completion.getString("model"))
        .put("responseId", completion.getString("id"));
  }

  private static JsonArray parts(JsonObject message) {
    JsonArray parts = new JsonArray();
    String reasoning = Jsons.hasText(message, "reasoning_content") ? message.getString("reasoning_content")
        : Jsons.string(message, "reasoning");
    if (reasoning != null && !reasoning.isEmpty()) {
      parts.add(new JsonObject().put("text", reasoning).put("thought", true));
    }
    String text = ChatContent.text(message.getValue("content"));
    if (!text.isEmpty()) {
      parts.add(new JsonObject().put("text", text));
    }
    Jsons.objects(Jsons.array(message, "tool_calls")).forEach(call -> parts.add(GeminiParts.functionCall(call, false)));
    return parts.isEmpty() ? parts.add(new JsonObject().put("text", "")) : parts;
  }
}
