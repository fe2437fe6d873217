package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.Jsons;

/**
 * OpenAI chat messages as Gemini's {@code systemInstruction} and {@code contents}: assistant turns
 * are role {@code model}, tool results are {@code functionResponse} parts of a user turn named after
 * the call they answer, and consecutive turns of one role merge (Gemini wants them alternating).
 */
final class ChatToContents {

  record Result(JsonObject systemInstruction, JsonArray contents) {
  }

  private ChatToContents() {
  }

  static Result convert(JsonArray messages) {
    JsonArray system = new JsonArray();
    JsonArray contents = new JsonArray();
    Map<String, String> callNames = new HashMap<>();
    for (JsonObject message : Jsons.objects(messages)) {
      switch (message.getString("role", "user")) {
        case "system", "developer" -> {
          String text = ChatContent.text(message.getValue("content"));
          if (!text.isEmpty()) {
            system.add(new JsonObject().put("text", text));
          }
        }
        case "assistant" -> append(contents, "model", modelParts(message, callNames));
        case "tool" -> append(contents, "user", List.of(functionResponse(message, callNames)));
        default -> append(contents, "user", userParts(message));
      }
    }
    return new Result(system.isEmpty() ? null : new JsonObject().put("parts", system), contents);
  }

  private static List<JsonObject> userParts(JsonObject message) {
    List<JsonObject> parts = new ArrayList<>();
    for (JsonObject part : ChatContent.parts(message.getValue("content"))) {
      JsonObject converted = GeminiParts.fromPart(part);
      if (converted != null) {
        parts.add(converted);
      }
    }
    return parts;
  }

  private static List<JsonObject> modelParts(JsonObject message, Map<String, String> callNames) {
    List<JsonObject> parts = new ArrayList<>();
    String text = ChatContent.text(message.getValue("content"));
    if (!text.isEmpty()) {
      parts.add(new JsonObject().put("text", text));
    }
    for (JsonObject call : Jsons.objects(Jsons.array(message, "tool_calls"))) {
      callNames.put(call.getString("id", ""), Jsons.object(call, "function").getString("name"));
      parts.add(GeminiParts.functionCall(call, true));
    }
    return parts;
  }

  /** Gemini wants an object as the response: JSON objects pass as they are, other text is wrapped. */
  private static JsonObject functionResponse(JsonObject message, Map<String, String> callNames) {
    String name = callNames.get(message.getString("tool_call_id", ""));
    if (name == null) {
      name = message.getString("name", "tool");
    }
    String text = ChatContent.text(message.getValue("content"));
    JsonObject response = Jsons.parseObject(text);
    if (response == null) {
      response = new JsonObject().put("content", text);
    }
    return new JsonObject().put("functionResponse", new JsonObject().put("name", name).put("response", response));
  }

  private static void append(JsonArray contents, String role, List<JsonObject> parts) {
    if (parts.isEmpty()) {
      return;
    }
    JsonObject last = contents.isEmpty() ? null : contents.getJsonObject(contents.size() - 1);
    if (last != null && role.equals(last.getString("role"))) {
      parts.forEach(last.getJsonArray("parts")::add);
      return;
    }
    contents.add(new JsonObject().put("role", role).put("parts", new JsonArray(new ArrayList<>(parts))));
  }
}
