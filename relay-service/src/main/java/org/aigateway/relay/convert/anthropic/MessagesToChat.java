package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.Jsons;

/**
 * Anthropic's {@code system} and {@code messages} as OpenAI chat messages: each system block is a
 * system message, {@code tool_result} blocks become {@code tool} messages ahead of the rest of their
 * user turn, {@code tool_use} blocks become tool calls. Thinking blocks are dropped: OpenAI-style
 * upstreams do not take reasoning back as input.
 */
final class MessagesToChat {

  private MessagesToChat() {
  }

  static JsonArray convert(Object system, JsonArray messages) {
    JsonArray out = new JsonArray();
    if (system instanceof String text && !text.isEmpty()) {
      out.add(message("system", text));
    } else if (system instanceof JsonArray blocks) {
      for (JsonObject block : Jsons.objects(blocks)) {
        out.add(message("system", block.getString("text", "")));
      }
    }
    for (JsonObject message : Jsons.objects(messages)) {
      boolean assistant = "assistant".equals(message.getString("role"));
      Object content = message.getValue("content");
      if (content instanceof String text) {
        out.add(message(assistant ? "assistant" : "user", text));
      } else if (assistant) {
        out.add(assistant(Jsons.array(message, "content")));
      } else {
        user(Jsons.array(message, "content"), out);
      }
    }
    return out;
  }

  private static void user(JsonArray blocks, JsonArray out) {
    List<JsonObject> parts = new ArrayList<>();
    for (JsonObject block : Jsons.objects(blocks)) {
      if ("tool_result".equals(block.getString("type"))) {
        out.add(new JsonObject().put("role", "tool").put("tool_call_id", block.getString("tool_use_id"))
            .put("content", toolResultText(block.getValue("content"))));
        continue;
      }
      JsonObject part = ContentBlocks.toPart(block);
      if (part != null) {
        parts.add(part);
      }
    }
    if (!parts.isEmpty()) {
      out.add(new JsonObject().put("role", "user").put("content", ChatContent.of(parts)));
    }
  }

  private static JsonObject assistant(JsonArray blocks) {
    StringBuilder text = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (JsonObject block : Jsons.objects(blocks)) {
      switch (block.getString("type", "")) {
        case "text" -> text.append(block.getString("text", ""));
        case "tool_use" -> calls.add(new JsonObject().put("id", block.getString("id")).put("type", "function")
            .put("function", new JsonObject().put("name", block.getString("name"))
                .put("arguments", Jsons.object(block, "input").encode())));
        default -> { }
      }
    }
    JsonObject message = new JsonObject().put("role", "assistant")
        .put("content", text.isEmpty() && !calls.isEmpty() ? null : text.toString());
    return calls.isEmpty() ? message : message.put("tool_calls", calls);
  }

  private static String toolResultText(Object content) {
    if (content instanceof JsonArray blocks) {
      StringBuilder text = new StringBuilder();
      Jsons.objects(blocks).forEach(block -> text.append(block.getString("text", "")));
      return text.toString();
    }
    return content == null ? "" : String.valueOf(content);
  }

  private static JsonObject message(String role, String text) {
    return new JsonObject().put("role", role).put("content", text);
  }
}
