package org.aigateway.relay.adaptor.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;

/**
 * Reads a Responses API {@code response} object: its {@code usage} ({@code input_tokens},
 * {@code output_tokens}, {@code input_tokens_details.cached_tokens},
 * {@code output_tokens_details.reasoning_tokens}) and its output text, counted when usage is missing.
 */
final class ResponsesUsage {

  private ResponsesUsage() {
  }

  /** The usage of {@code response}, {@code null} when it has none (a queued background response). */
  static Usage of(JsonObject response) {
    if (!(response.getValue("usage") instanceof JsonObject usage)) {
      return null;
    }
    long input = Jsons.number(usage, "input_tokens");
    long output = Jsons.number(usage, "output_tokens");
    long total = Jsons.number(usage, "total_tokens");
    return new Usage(input, output,
        Jsons.number(Jsons.object(usage, "input_tokens_details"), "cached_tokens"), 0,
        Jsons.number(Jsons.object(usage, "output_tokens_details"), "reasoning_tokens"),
        total > 0 ? total : input + output);
  }

  /** The text of the response's {@code output_text} parts. */
  static String text(JsonObject response) {
    StringBuilder text = new StringBuilder();
    for (JsonObject item : Jsons.objects(Jsons.array(response, "output"))) {
      JsonArray content = Jsons.array(item, "content");
      for (JsonObject part : Jsons.objects(content)) {
        if ("output_text".equals(part.getValue("type")) && Jsons.hasText(part, "text")) {
          text.append(part.getString("text"));
        }
      }
    }
    return text.toString();
  }
}
