package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.Reasoning;

/**
 * OpenAI sampling, limits, response format and reasoning and Gemini's {@code generationConfig}.
 * Reasoning uses the effort/budget table of {@link Reasoning}: {@code thinkingBudget} with
 * {@code includeThoughts} on for any effort but {@code none} (budget 0).
 */
final class GenerationConfigs {

  private static final String[][] SAME_VALUE = {
      {"temperature", "temperature"}, {"top_p", "topP"}, {"n", "candidateCount"},
      {"presence_penalty", "presencePenalty"}, {"frequency_penalty", "frequencyPenalty"}, {"seed", "seed"}};
  private static final String JSON = "application/json";

  private GenerationConfigs() {
  }

  static JsonObject toGemini(JsonObject chat) {
    JsonObject config = new JsonObject();
    long limit = Jsons.number(chat, "max_completion_tokens") > 0 ? Jsons.number(chat, "max_completion_tokens")
        : Jsons.number(chat, "max_tokens");
    if (limit > 0) {
      config.put("maxOutputTokens", limit);
    }
    for (String[] pair : SAME_VALUE) {
      copyNumber(chat, pair[0], config, pair[1]);
    }
    Object stop = chat.getValue("stop");
    if (stop instanceof String text) {
      config.put("stopSequences", new JsonArray().add(text));
    } else if (stop instanceof JsonArray list && !list.isEmpty()) {
      config.put("stopSequences", list.copy());
    }
    responseFormat(Jsons.object(chat, "response_format"), config);
    String effort = Reasoning.effort(Jsons.string(chat, "reasoning_effort"));
    if (effort != null) {
      config.put("thinkingConfig", new JsonObject().put("thinkingBudget", Reasoning.budget(effort))
          .put("includeThoughts", !Reasoning.NONE.equals(effort)));
    }
    return config;
  }

  private static void responseFormat(JsonObject format, JsonObject config) {
    String type = format.getString("type", "");
    if ("json_object".equals(type)) {
      config.put("responseMimeType", JSON);
    } else if ("json_schema".equals(type)) {
      config.put("responseMimeType", JSON);
      JsonObject schema = Jsons.object(Jsons.object(format, "json_schema"), "schema");
      if (!schema.isEmpty()) {
        config.put("responseSchema", Schemas.clean(schema));
      }
    }
  }

  static void toOpenAi(JsonObject config, JsonObject out) {
    copyNumber(config, "maxOutputTokens", out, "max_tokens");
    for (String[] pair : SAME_VALUE) {
      copyNumber(config, pair[1], out, pair[0]);
    }
    JsonArray stops = Jsons.array(config, "stopSequences");
    if (!stops.isEmpty()) {
      out.put("stop", stops.copy());
    }
    if (JSON.equals(config.getString("responseMimeType"))) {
      JsonObject schema = config.getValue("responseSchema") instanceof JsonObject openApi
          ? Schemas.toJsonSchema(openApi)
          : config.getValue("responseJsonSchema") instanceof JsonObject jsonSchema ? jsonSchema.copy() : null;
      out.put("response_format", schema != null
          ? new JsonObject().put("type", "json_schema")
              .put("json_schema", new JsonObject().put("name", "response").put("schema", schema))
          : new JsonObject().put("type", "json_object"));
    }
    String effort = effort(Jsons.object(config, "thinkingConfig"));
    if (effort != null && !Reasoning.NONE.equals(effort)) {
      out.put("reasoning_effort", effort);
    }
  }

  /** {@code thinkingLevel} first, then the budget (-1, dynamic, counts as medium), then includeThoughts alone. */
  private static String effort(JsonObject thinking) {
    if (thinking.isEmpty()) {
      return null;
    }
    String level = Reasoning.effort(Jsons.string(thinking, "thinkingLevel"));
    if (level != null) {
      return level;
    }
    if (thinking.getValue("thinkingBudget") instanceof Number budget) {
      return budget.longValue() < 0 ? Reasoning.MEDIUM : Reasoning.effortForBudget(budget.longValue());
    }
    return Boolean.TRUE.equals(thinking.getValue("includeThoughts")) ? Reasoning.MEDIUM : Reasoning.NONE;
  }

  private static void copyNumber(JsonObject from, String fromField, JsonObject to, String toField) {
    if (from.getValue(fromField) instanceof Number value) {
      to.put(toField, value);
    }
  }
}
