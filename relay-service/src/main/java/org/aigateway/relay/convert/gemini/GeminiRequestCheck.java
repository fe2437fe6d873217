package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.aigateway.relay.convert.ProtocolError;

/**
 * The types of a Gemini {@code generateContent} body (camelCase or snake_case names), checked before
 * it is routed: the converter reads a mistyped field as absent, which would send a different request
 * than the client meant, and Gemini itself refuses such a body. Checks {@code generationConfig} (an
 * object whose limits and sampling values are numbers), {@code systemInstruction} and each of
 * {@code contents} (objects whose {@code parts} are objects carrying one of the data fields Gemini
 * defines). Fields not named here are left to the upstream.
 */
public final class GeminiRequestCheck {

  private static final List<String> NUMBERS = List.of("maxOutputTokens", "temperature", "topP", "topK",
      "candidateCount", "seed", "presencePenalty", "frequencyPenalty");
  private static final List<String> PART_DATA = List.of("text", "inlineData", "fileData", "functionCall",
      "functionResponse", "executableCode", "codeExecutionResult");

  private GeminiRequestCheck() {
  }

  /** The first mistyped field of {@code body} as a 400 error, none when the body is well typed. */
  public static Optional<ProtocolError> problem(JsonObject body) {
    JsonObject request = GeminiKeys.camelCase(body);
    Object config = request.getValue("generationConfig");
    if (config != null && !(config instanceof JsonObject)) {
      return invalid("generationConfig", "`generationConfig` must be an object.");
    }
    for (String field : NUMBERS) {
      Object value = config == null ? null : ((JsonObject) config).getValue(field);
      if (value != null && !(value instanceof Number)) {
        return invalid("generationConfig." + field, "`generationConfig." + field + "` must be a number.");
      }
    }
    Object system = request.getValue("systemInstruction");
    if (system != null) {
      Optional<ProtocolError> instruction = content(system, "systemInstruction");
      if (instruction.isPresent()) {
        return instruction;
      }
    }
    JsonArray contents = request.getJsonArray("contents");
    for (int i = 0; contents != null && i < contents.size(); i++) {
      Optional<ProtocolError> content = content(contents.getValue(i), "contents[" + i + "]");
      if (content.isPresent()) {
        return content;
      }
    }
    return Optional.empty();
  }

  private static Optional<ProtocolError> content(Object item, String path) {
    if (!(item instanceof JsonObject content)) {
      return invalid(path, "`" + path + "` must be a Content object with parts.");
    }
    Object parts = content.getValue("parts");
    if (parts == null) {
      return Optional.empty();
    }
    if (!(parts instanceof JsonArray list)) {
      return invalid(path + ".parts", "`" + path + ".parts` must be a list of parts.");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".parts[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject part)) {
        return invalid(at, "`" + at + "` must be a Part object.");
      }
      if (PART_DATA.stream().noneMatch(part::containsKey)) {
        return invalid(at, "`" + at + "` has none of the data fields of a part: " + String.join(", ", PART_DATA) + ".");
      }
    }
    return Optional.empty();
  }

  private static Optional<ProtocolError> invalid(String param, String message) {
    return Optional.of(new ProtocolError(400, ProtocolError.INVALID_REQUEST, null, param, message));
  }
}
