package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;

/** OpenAI {@code tools}/{@code tool_choice} and Gemini {@code functionDeclarations}/{@code toolConfig}. */
final class GeminiTools {

  private GeminiTools() {
  }

  static void toGemini(JsonObject chat, JsonObject out) {
    JsonArray declarations = new JsonArray();
    for (JsonObject tool : Jsons.objects(Jsons.array(chat, "tools"))) {
      if ("function".equals(tool.getString("type", "function"))) {
        declarations.add(declaration(Jsons.object(tool, "function")));
      }
    }
    if (declarations.isEmpty()) {
      return;
    }
    out.put("tools", new JsonArray().add(new JsonObject().put("functionDeclarations", declarations)));
    Object choice = chat.getValue("tool_choice");
    if (choice != null) {
      out.put("toolConfig", new JsonObject().put("functionCallingConfig", callingConfig(choice)));
    }
  }

  /** Parameters without properties are left out: Gemini rejects an object schema with none. */
  private static JsonObject declaration(JsonObject function) {
    JsonObject out = new JsonObject().put("name", function.getString("name"));
    Jsons.putIfPresent(out, "description", Jsons.string(function, "description"));
    if (function.getValue("parameters") instanceof JsonObject parameters
        && !Jsons.object(parameters, "properties").isEmpty()) {
      out.put("parameters", Schemas.clean(parameters));
    }
    return out;
  }

  private static JsonObject callingConfig(Object choice) {
    if (choice instanceof JsonObject named) {
      String name = Jsons.string(Jsons.object(named, "function"), "name");
      JsonObject config = new JsonObject().put("mode", "ANY");
      return name == null ? config : config.put("allowedFunctionNames", new JsonArray().add(name));
    }
    String mode = switch (String.valueOf(choice)) {
      case "none" -> "NONE";
      case "required" -> "ANY";
      default -> "AUTO";
    };
    return new JsonObject().put("mode", mode);
  }

  static void toOpenAi(JsonObject request, JsonObject out) {
    JsonArray tools = new JsonArray();
    for (JsonObject tool : Jsons.objects(Jsons.array(request, "tools"))) {
      for (JsonObject declaration : Jsons.objects(Jsons.array(tool, "functionDeclarations"))) {
        tools.add(openAiTool(declaration));
      }
    }
    if (tools.isEmpty()) {
      return;
    }
    out.put("tools", tools);
    JsonObject config = Jsons.object(Jsons.object(request, "toolConfig"), "functionCallingConfig");
    if (Jsons.hasText(config, "mode")) {
      out.put("tool_choice", openAiChoice(config));
    }
  }

  private static JsonObject openAiTool(JsonObject declaration) {
    JsonObject function = new JsonObject().put("name", declaration.getString("name"));
    Jsons.putIfPresent(function, "description", Jsons.string(declaration, "description"));
    JsonObject parameters = declaration.getValue("parameters") instanceof JsonObject schema
        ? Schemas.toJsonSchema(schema)
        : declaration.getValue("parametersJsonSchema") instanceof JsonObject jsonSchema ? jsonSchema.copy()
        : new JsonObject().put("type", "object").put("properties", new JsonObject());
    function.put("parameters", parameters);
    return new JsonObject().put("type", "function").put("function", function);
  }

  private static Object openAiChoice(JsonObject config) {
    JsonArray allowed = Jsons.array(config, "allowedFunctionNames");
    return switch (config.getString("mode")) {
      case "NONE" -> "none";
      case "ANY" -> allowed.size() == 1 ? new JsonObject().put("type", "function")
          .put("function", new JsonObject().put("name", allowed.getString(0))) : "required";
      default -> "auto";
    };
  }
}
