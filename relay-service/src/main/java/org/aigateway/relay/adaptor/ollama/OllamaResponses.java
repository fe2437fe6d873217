package org.aigateway.relay.adaptor.ollama;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.ChatUsageJson;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Usages;

/**
 * Ollama's native answers in OpenAI's shapes: a {@code /api/chat} message as a chat completion
 * ({@code thinking} as {@code reasoning_content}, tool calls with made-up ids), {@code /api/embed}
 * as an embeddings list; usage from {@code prompt_eval_count} and {@code eval_count}.
 */
final class OllamaResponses {

  private OllamaResponses() {
  }

  static JsonObject chat(JsonObject response, String model) {
    JsonObject message = Jsons.object(response, "message");
    JsonArray calls = toolCalls(message);
    JsonObject reply = new JsonObject().put("role", "assistant")
        .put("content", calls.isEmpty() ? message.getString("content", "") : message.getString("content"));
    if (Jsons.hasText(message, "thinking")) {
      reply.put("reasoning_content", message.getString("thinking"));
    }
    if (!calls.isEmpty()) {
      reply.put("tool_calls", calls);
    }
    JsonObject choice = new JsonObject().put("index", 0).put("message", reply)
        .put("finish_reason", finishReason(response, !calls.isEmpty()));
    return new JsonObject().put("id", Ids.responseId("chatcmpl-")).put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model != null ? model : response.getString("model"))
        .put("choices", new JsonArray().add(choice)).put("usage", ChatUsageJson.toJson(usage(response)));
  }

  static JsonObject embeddings(JsonObject response, String model) {
    JsonArray data = new JsonArray();
    for (Object embedding : Jsons.array(response, "embeddings")) {
      data.add(new JsonObject().put("object", "embedding").put("index", data.size()).put("embedding", embedding));
    }
    long prompt = Jsons.number(response, "prompt_eval_count");
    return new JsonObject().put("object", "list").put("data", data)
        .put("model", model != null ? model : response.getString("model"))
        .put("usage", new JsonObject().put("prompt_tokens", prompt).put("total_tokens", prompt));
  }

  static Usage usage(JsonObject response) {
    return Usages.of(Jsons.number(response, "prompt_eval_count"), Jsons.number(response, "eval_count"), 0, 0, 0, 0);
  }

  /** OpenAI's finish reason for a final Ollama message. */
  static String finishReason(JsonObject response, boolean calledTools) {
    if (calledTools) {
      return "tool_calls";
    }
    return "length".equals(response.getString("done_reason")) ? "length" : "stop";
  }

  /** Ollama's error body {@code {"error":"text"}}, {@code null} for any other body. */
  static ProtocolError error(int status, JsonObject body) {
    if (body == null || !(body.getValue("error") instanceof String message)) {
      return null;
    }
    return new ProtocolError(status, ProtocolError.openAiType(status), null, null, message);
  }

  static JsonArray toolCalls(JsonObject message) {
    JsonArray calls = new JsonArray();
    for (JsonObject call : Jsons.objects(Jsons.array(message, "tool_calls"))) {
      JsonObject function = Jsons.object(call, "function");
      Object arguments = function.getValue("arguments");
      String encoded = arguments instanceof JsonObject object ? object.encode()
          : arguments instanceof String text ? text : "{}";
      calls.add(new JsonObject().put("index", calls.size()).put("id", Ids.callId()).put("type", "function")
          .put("function", new JsonObject().put("name", function.getString("name")).put("arguments", encoded)));
    }
    return calls;
  }
}
