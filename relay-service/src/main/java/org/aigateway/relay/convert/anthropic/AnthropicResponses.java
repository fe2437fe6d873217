package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.ChatUsageJson;
import org.aigateway.relay.convert.Jsons;

/** Whole (non-stream) responses between Anthropic's {@code message} and OpenAI's {@code chat.completion}. */
public final class AnthropicResponses {

  private AnthropicResponses() {
  }

  /** The chat completion for an Anthropic message; {@code model} (the client's) wins when not {@code null}. */
  public static JsonObject toOpenAi(JsonObject message, String model) {
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (JsonObject block : Jsons.objects(Jsons.array(message, "content"))) {
      switch (block.getString("type", "")) {
        case "text" -> text.append(block.getString("text", ""));
        case "thinking" -> thinking.append(block.getString("thinking", ""));
        case "tool_use" -> calls.add(toolCall(block, calls.size()));
        default -> { }
      }
    }
    JsonObject reply = new JsonObject().put("role", "assistant")
        .put("content", text.isEmpty() && !calls.isEmpty() ? null : text.toString());
    if (!thinking.isEmpty()) {
      reply.put("reasoning_content", thinking.toString());
    }
    if (!calls.isEmpty()) {
      reply.put("tool_calls", calls);
    }
    JsonObject choice = new JsonObject().put("index", 0).put("message", reply)
        .put("logprobs", null).put("finish_reason", StopReasons.toOpenAi(Jsons.string(message, "stop_reason")));
    return new JsonObject().put("id", message.getString("id")).put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model != null ? model : message.getString("model"))
        .put("choices", new JsonArray().add(choice))
        .put("usage", ChatUsageJson.toJson(usage(message)));
  }

  /** The usage an Anthropic message reports, normalised. */
  public static Usage usage(JsonObject message) {
    return AnthropicUsage.parse(Jsons.object(message, "usage"));
  }

  private static JsonObject toolCall(JsonObject block, int index) {
    JsonObject function = new JsonObject().put("name", block.getString("name"))
        .put("arguments", Jsons.object(block, "input").encode());
    return new JsonObject().put("index", index).put("id", block.getString("id")).put("type", "function")
        .put("function", function);
  }

  /**
   * The Anthropic message for a chat completion (choice 0); {@code model} (the client's) wins when
   * not {@code null}.
   */
  public static JsonObject fromOpenAi(JsonObject completion, String model) {
    JsonObject choice = Jsons.first(completion, "choices");
    JsonObject reply = Jsons.object(choice, "message");
    JsonArray content = new JsonArray();
    String reasoning = Jsons.hasText(reply, "reasoning_content") ? reply.getString("reasoning_content")
        : Jsons.string(reply, "reasoning");
    if (reasoning != null && !reasoning.isEmpty()) {
      content.add(new JsonObject().put("type", "thinking").put("thinking", reasoning).put("signature", ""));
    }
    String text = ChatContent.text(reply.getValue("content"));
    if (!text.isEmpty()) {
      content.add(new JsonObject().put("type", "text").put("text", text));
    }
    for (JsonObject call : Jsons.objects(Jsons.array(reply, "tool_calls"))) {
      JsonObject function = Jsons.object(call, "function");
      content.add(new JsonObject().put("type", "tool_use").put("id", call.getString("id"))
          .put("name", function.getString("name")).put("input", Jsons.arguments(Jsons.string(function, "arguments"))));
    }
    Usage usage = completion.getValue("usage") instanceof JsonObject u ? ChatUsageJson.parse(u) : Usage.ZERO;
    return new JsonObject().put("id", completion.getString("id")).put("type", "message").put("role", "assistant")
        .put("model", model != null ? model : completion.getString("model")).put("content", content)
        .put("stop_reason", StopReasons.fromOpenAi(Jsons.string(choice, "finish_reason")))
        .put("stop_sequence", null).put("usage", AnthropicUsage.toJson(usage));
  }
}
