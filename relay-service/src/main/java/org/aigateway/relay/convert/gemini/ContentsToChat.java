package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;

/**
 * Gemini's {@code systemInstruction} and {@code contents} as OpenAI chat messages. Gemini function
 * calls rarely carry ids, so the converter makes them up and gives each {@code functionResponse} the
 * id of the oldest unanswered call of the same name. Thought parts are dropped.
 */
final class ContentsToChat {

  private final Map<String, Deque<String>> pending = new HashMap<>();
  private final JsonArray out = new JsonArray();

  private ContentsToChat() {
  }

  static JsonArray convert(JsonObject systemInstruction, JsonArray contents) {
    ContentsToChat converter = new ContentsToChat();
    converter.system(systemInstruction);
    for (JsonObject content : Jsons.objects(contents)) {
      if ("model".equals(content.getString("role"))) {
        converter.model(Jsons.array(content, "parts"));
      } else {
        converter.user(Jsons.array(content, "parts"));
      }
    }
    return converter.out;
  }

  private void system(JsonObject instruction) {
    List<String> texts = new ArrayList<>();
    Jsons.objects(Jsons.array(instruction, "parts")).forEach(part -> {
      if (Jsons.hasText(part, "text")) {
        texts.add(part.getString("text"));
      }
    });
    if (!texts.isEmpty()) {
      out.add(new JsonObject().put("role", "system").put("content", String.join("\n", texts)));
    }
  }

  private void model(JsonArray parts) {
    StringBuilder text = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (JsonObject part : Jsons.objects(parts)) {
      if (part.getValue("functionCall") instanceof JsonObject functionCall) {
        String id = Jsons.hasText(functionCall, "id") ? functionCall.getString("id") : Ids.callId();
        pending.computeIfAbsent(functionCall.getString("name", ""), k -> new ArrayDeque<>()).add(id);
        JsonObject call = GeminiParts.toolCall(part, id, calls.size());
        call.remove("index");
        calls.add(call);
      } else if (part.getValue("text") instanceof String t && !Boolean.TRUE.equals(part.getValue("thought"))) {
        text.append(t);
      }
    }
    JsonObject message = new JsonObject().put("role", "assistant")
        .put("content", text.isEmpty() && !calls.isEmpty() ? null : text.toString());
    out.add(calls.isEmpty() ? message : message.put("tool_calls", calls));
  }

  private void user(JsonArray parts) {
    List<JsonObject> content = new ArrayList<>();
    for (JsonObject part : Jsons.objects(parts)) {
      if (part.getValue("functionResponse") instanceof JsonObject response) {
        out.add(toolMessage(response));
        continue;
      }
      JsonObject converted = GeminiParts.toPart(part);
      if (converted != null) {
        content.add(converted);
      }
    }
    if (!content.isEmpty()) {
      out.add(new JsonObject().put("role", "user").put("content", ChatContent.of(content)));
    }
  }

  private JsonObject toolMessage(JsonObject functionResponse) {
    String name = functionResponse.getString("name", "");
    Deque<String> ids = pending.get(name);
    String id = Jsons.hasText(functionResponse, "id") ? functionResponse.getString("id")
        : ids != null && !ids.isEmpty() ? ids.poll() : Ids.callId();
    JsonObject response = Jsons.object(functionResponse, "response");
    boolean wrapped = response.size() == 1 && response.getValue("content") instanceof String;
    return new JsonObject().put("role", "tool").put("tool_call_id", id)
        .put("content", wrapped ? response.getString("content") : response.encode());
  }
}
