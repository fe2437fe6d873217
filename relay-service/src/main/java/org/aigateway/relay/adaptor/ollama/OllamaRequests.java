package org.aigateway.relay.adaptor.ollama;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.Jsons;

/**
 * OpenAI chat and embeddings requests as Ollama's native {@code /api/chat} and {@code /api/embed}
 * bodies: text content joined, data-URL images as base64 {@code images}, tool calls with object
 * arguments, sampling parameters under {@code options}, {@code response_format} as {@code format}.
 * Ollama cannot fetch image URLs, so http(s) images are left out.
 */
final class OllamaRequests {

  private static final String[][] OPTIONS = {
      {"temperature", "temperature"}, {"top_p", "top_p"}, {"top_k", "top_k"}, {"seed", "seed"},
      {"frequency_penalty", "frequency_penalty"}, {"presence_penalty", "presence_penalty"}};

  private OllamaRequests() {
  }

  static JsonObject chat(JsonObject chat, String model) {
    JsonArray messages = new JsonArray();
    Jsons.objects(Jsons.array(chat, "messages")).forEach(message -> messages.add(message(message)));
    JsonObject out = new JsonObject().put("model", model).put("messages", messages)
        .put("stream", Boolean.TRUE.equals(chat.getValue("stream")));
    JsonObject options = options(chat);
    if (!options.isEmpty()) {
      out.put("options", options);
    }
    if (chat.getValue("tools") instanceof JsonArray tools && !tools.isEmpty()) {
      out.put("tools", tools.copy());
    }
    JsonObject format = Jsons.object(chat, "response_format");
    if ("json_object".equals(format.getString("type"))) {
      out.put("format", "json");
    } else if ("json_schema".equals(format.getString("type"))) {
      out.put("format", Jsons.object(Jsons.object(format, "json_schema"), "schema").copy());
    }
    if (Jsons.hasText(chat, "reasoning_effort")) {
      out.put("think", !"none".equals(chat.getString("reasoning_effort")));
    }
    return out;
  }

  static JsonObject embeddings(JsonObject request, String model) {
    JsonObject out = new JsonObject().put("model", model).put("input", request.getValue("input"));
    if (request.getValue("dimensions") instanceof Number dimensions) {
      out.put("dimensions", dimensions);
    }
    return out;
  }

  private static JsonObject message(JsonObject message) {
    StringBuilder text = new StringBuilder();
    JsonArray images = new JsonArray();
    for (JsonObject part : ChatContent.parts(message.getValue("content"))) {
      if (part.getValue("text") instanceof String t) {
        text.append(t);
      }
      String url = Jsons.string(Jsons.object(part, "image_url"), "url");
      if (url != null && url.startsWith("data:") && url.contains(",")) {
        images.add(url.substring(url.indexOf(',') + 1));
      }
    }
    JsonObject out = new JsonObject().put("role", message.getString("role", "user")).put("content", text.toString());
    if (!images.isEmpty()) {
      out.put("images", images);
    }
    JsonArray calls = new JsonArray();
    Jsons.objects(Jsons.array(message, "tool_calls")).forEach(call -> {
      JsonObject function = Jsons.object(call, "function");
      calls.add(new JsonObject().put("function", new JsonObject().put("name", function.getString("name"))
          .put("arguments", Jsons.arguments(Jsons.string(function, "arguments")))));
    });
    if (!calls.isEmpty()) {
      out.put("tool_calls", calls);
    }
    return out;
  }

  private static JsonObject options(JsonObject chat) {
    JsonObject options = new JsonObject();
    for (String[] option : OPTIONS) {
      if (chat.getValue(option[0]) instanceof Number value) {
        options.put(option[1], value);
      }
    }
    long limit = Jsons.number(chat, "max_completion_tokens");
    limit = limit > 0 ? limit : Jsons.number(chat, "max_tokens");
    if (limit > 0) {
      options.put("num_predict", limit);
    }
    Object stop = chat.getValue("stop");
    if (stop instanceof String s) {
      options.put("stop", new JsonArray().add(s));
    } else if (stop instanceof JsonArray list && !list.isEmpty()) {
      options.put("stop", list.copy());
    }
    return options;
  }
}
