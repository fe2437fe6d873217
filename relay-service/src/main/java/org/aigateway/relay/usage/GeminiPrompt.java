package org.aigateway.relay.usage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The input tokens of a Gemini {@code generateContent} request, estimated as the original does: a
 * quarter of the characters of text parts and function calls and responses, plus 560 tokens per
 * inline or file part. Field names may be camelCase or snake_case.
 */
final class GeminiPrompt {

  private static final int PER_MEDIA_PART = 560;

  private GeminiPrompt() {
  }

  static long estimate(JsonObject body) {
    long[] counts = new long[2];
    if (field(body, "systemInstruction", "system_instruction") instanceof JsonObject system) {
      parts(system, counts);
    }
    if (body.getValue("contents") instanceof JsonArray contents) {
      contents.forEach(content -> {
        if (content instanceof JsonObject c) {
          parts(c, counts);
        }
      });
    }
    return counts[0] / 4 + counts[1] * PER_MEDIA_PART;
  }

  /** Adds the characters ({@code counts[0]}) and media parts ({@code counts[1]}) of a content's parts. */
  private static void parts(JsonObject content, long[] counts) {
    if (!(content.getValue("parts") instanceof JsonArray parts)) {
      return;
    }
    for (Object item : parts) {
      if (!(item instanceof JsonObject part)) {
        continue;
      }
      if (part.getValue("text") instanceof String text) {
        counts[0] += text.length();
      }
      Object call = field(part, "functionCall", "function_call");
      Object response = field(part, "functionResponse", "function_response");
      counts[0] += call == null ? 0 : String.valueOf(call).length();
      counts[0] += response == null ? 0 : String.valueOf(response).length();
      if (field(part, "inlineData", "inline_data") != null || field(part, "fileData", "file_data") != null) {
        counts[1]++;
      }
    }
  }

  private static Object field(JsonObject json, String camel, String snake) {
    Object value = json.getValue(camel);
    return value != null ? value : json.getValue(snake);
  }
}
