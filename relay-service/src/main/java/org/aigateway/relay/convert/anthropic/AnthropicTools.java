package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;

/** Tool definitions and tool choice between OpenAI ({@code tools[].function}) and Anthropic ({@code input_schema}). */
final class AnthropicTools {

  private AnthropicTools() {
  }

  static void toAnthropic(JsonObject chat, JsonObject out) {
    JsonArray tools = new JsonArray();
    for (JsonObject tool : Jsons.objects(Jsons.array(chat, "tools"))) {
      tools.add("function".equals(tool.getString("type", "function")) ? anthropicTool(tool) : tool.copy());
    }
    if (tools.isEmpty()) {
      return;
    }
    out.put("tools", tools);
    JsonObject choice = anthropicChoice(chat.getValue("tool_choice"));
    if (Boolean.FALSE.equals(chat.getValue("parallel_tool_calls")) && !"none".equals(choice.getString("type"))) {
      choice.put("disable_parallel_tool_use", true);
    }
    if (choice.size() > 1 || !"auto".equals(choice.getString("type")) || chat.containsKey("tool_choice")) {
      out.put("tool_choice", choice);
    }
  }

  /**
   * OpenAI takes {@code "parameters": {}} (or none) for a function without arguments; Anthropic
   * requires {@code input_schema.type}, so a schema without one is typed as an object.
   */
  private static JsonObject anthropicTool(JsonObject tool) {
    JsonObject function = Jsons.object(tool, "function");
    JsonObject schema = function.getValue("parameters") instanceof JsonObject parameters ? parameters.copy()
        : new JsonObject().put("properties", new JsonObject());
    if (!schema.containsKey("type")) {
      schema.put("type", "object");
    }
    JsonObject out = new JsonObject().put("name", function.getString("name"));
    Jsons.putIfPresent(out, "description", Jsons.string(function, "description"));
    out.put("input_schema", schema);
    if (tool.getValue("cache_control") instanceof JsonObject cache) {
      out.put("cache_control", cache.copy());
    }
    return out;
  }

  private static JsonObject anthropicChoice(Object choice) {
    if (choice instanceof JsonObject named) {
      String name = Jsons.string(Jsons.object(named, "function"), "name");
      return name == null ? new JsonObject().put("type", "any")
          : new JsonObject().put("type", "tool").put("name", name);
    }
    String type = switch (String.valueOf(choice)) {
      case "none" -> "none";
      case "required", "any" -> "any";
      default -> "auto";
    };
    return new JsonObject().put("type", type);
  }

  static void toOpenAi(JsonObject request, JsonObject out) {
    JsonArray tools = new JsonArray();
    for (JsonObject tool : Jsons.objects(Jsons.array(request, "tools"))) {
      String type = tool.getString("type", "custom");
      if ("custom".equals(type) && tool.getString("name") != null) {
        tools.add(openAiTool(tool));
      }
    }
    if (tools.isEmpty()) {
      return;
    }
    out.put("tools", tools);
    JsonObject choice = request.getValue("tool_choice") instanceof JsonObject c ? c : null;
    if (choice == null) {
      return;
    }
    out.put("tool_choice", openAiChoice(choice));
    if (Boolean.TRUE.equals(choice.getValue("disable_parallel_tool_use"))) {
      out.put("parallel_tool_calls", false);
    }
  }

  private static JsonObject openAiTool(JsonObject tool) {
    JsonObject function = new JsonObject().put("name", tool.getString("name"));
    Jsons.putIfPresent(function, "description", Jsons.string(tool, "description"));
    function.put("parameters", Jsons.object(tool, "input_schema").copy());
    return new JsonObject().put("type", "function").put("function", function);
  }

  private static Object openAiChoice(JsonObject choice) {
    return switch (choice.getString("type", "auto")) {
      case "any" -> "required";
      case "none" -> "none";
      case "tool" -> new JsonObject().put("type", "function")
          .put("function", new JsonObject().put("name", choice.getString("name")));
      default -> "auto";
    };
  }
}
