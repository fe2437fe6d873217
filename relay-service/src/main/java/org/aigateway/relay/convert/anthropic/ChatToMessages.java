package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.Jsons;

/**
 * OpenAI chat messages as Anthropic's {@code system} and {@code messages}: system and developer
 * messages become system text, tool results become {@code tool_result} blocks of a user message,
 * and consecutive messages of one role merge, as Anthropic expects alternating turns.
 */
final class ChatToMessages {

  /** {@code system} is a string, an array of text blocks or {@code null}. */
  record Result(Object system, JsonArray messages, boolean hasToolCalls) {
  }

  private ChatToMessages() {
  }

  static Result convert(JsonArray chatMessages) {
    List<JsonObject> system = new ArrayList<>();
    JsonArray messages = new JsonArray();
    boolean toolCalls = false;
    for (JsonObject message : Jsons.objects(chatMessages)) {
      String role = message.getString("role", "user");
      switch (role) {
        case "system", "developer" -> system.addAll(ContentBlocks.textBlocks(message.getValue("content")));
        case "assistant" -> {
          JsonArray calls = Jsons.array(message, "tool_calls");
          toolCalls |= !calls.isEmpty();
          append(messages, "assistant", assistantBlocks(message, calls));
        }
        case "tool" -> append(messages, "user", List.of(toolResult(message)));
        default -> append(messages, "user", ContentBlocks.fromParts(ChatContent.parts(message.getValue("content"))));
      }
    }
    return new Result(system(system), messages, toolCalls);
  }

  private static Object system(List<JsonObject> blocks) {
    if (blocks.isEmpty()) {
      return null;
    }
    if (blocks.size() == 1 && !blocks.get(0).containsKey("cache_control")) {
      return blocks.get(0).getString("text");
    }
    return new JsonArray(new ArrayList<>(blocks));
  }

  private static List<JsonObject> assistantBlocks(JsonObject message, JsonArray calls) {
    List<JsonObject> blocks = new ArrayList<>(ContentBlocks.textBlocks(message.getValue("content")));
    for (JsonObject call : Jsons.objects(calls)) {
      JsonObject function = Jsons.object(call, "function");
      blocks.add(new JsonObject().put("type", "tool_use").put("id", call.getString("id"))
          .put("name", function.getString("name")).put("input", Jsons.arguments(Jsons.string(function, "arguments"))));
    }
    return blocks;
  }

  private static JsonObject toolResult(JsonObject message) {
    Object content = message.getValue("content");
    Object result = content instanceof JsonArray ? new JsonArray(new ArrayList<>(
        ContentBlocks.fromParts(ChatContent.parts(content)))) : content == null ? "" : String.valueOf(content);
    return new JsonObject().put("type", "tool_result").put("tool_use_id", message.getString("tool_call_id"))
        .put("content", result);
  }

  private static void append(JsonArray messages, String role, List<JsonObject> blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    JsonObject last = messages.isEmpty() ? null : messages.getJsonObject(messages.size() - 1);
    if (last != null && role.equals(last.getString("role"))) {
      blocks.forEach(last.getJsonArray("content")::add);
      return;
    }
    messages.add(new JsonObject().put("role", role).put("content", new JsonArray(new ArrayList<>(blocks))));
  }
}
