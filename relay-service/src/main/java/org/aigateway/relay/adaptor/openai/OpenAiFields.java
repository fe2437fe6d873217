package org.aigateway.relay.adaptor.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the relay reads from an OpenAI response body or stream chunk, taken in one streaming pass
 * without building a JSON tree (the hot path reads every chunk of every stream): the {@code id},
 * the {@code usage} object, whether an {@code error} object is present, the number of
 * {@code choices}, and the text those choices carry (see {@link ChoiceText}). The results equal
 * reading the parsed {@link JsonObject}: a repeated key counts once, the last one wins.
 *
 * @param id       the top-level {@code id} when it is a string, else {@code null}
 * @param usage    the top-level {@code usage} when it is an object, else {@code null}
 * @param error    whether the top-level {@code error} is an object
 * @param choices  the size of the top-level {@code choices} when it is an array, else -1
 */
record OpenAiFields(String id, JsonObject usage, boolean error, int choices) {

  /**
   * Parses bytes, not characters: the UTF-8 parser's field-name table is much cheaper than the
   * character parser's. Comments are allowed, as Vert.x's own JSON parsing allows them.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

  /** Reads {@code json}, appending the choices' text to {@code text}; {@code null} when it is not one JSON object. */
  static OpenAiFields read(String json, StringBuilder text) {
    return read(json.getBytes(StandardCharsets.UTF_8), text);
  }

  /** As {@link #read(String, StringBuilder)}, for a body as received. */
  static OpenAiFields read(Buffer json, StringBuilder text) {
    return read(json.getBytes(), text);
  }

  private static OpenAiFields read(byte[] json, StringBuilder text) {
    int mark = text.length();
    try (JsonParser parser = FACTORY.createParser(json)) {
      OpenAiFields fields = parser.nextToken() == JsonToken.START_OBJECT ? readRoot(parser, text, mark) : null;
      if (fields != null && parser.nextToken() == null) {
        return fields;
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: reported as null below, like a failed JsonObject parse
    }
    text.setLength(mark);
    return null;
  }

  private static OpenAiFields readRoot(JsonParser parser, StringBuilder text, int mark) throws IOException {
    String id = null;
    JsonObject usage = null;
    boolean error = false;
    int choices = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "id" -> id = token == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "usage" -> usage = token == JsonToken.START_OBJECT ? JsonTrees.readObject(parser) : null;
        case "error" -> error = token == JsonToken.START_OBJECT;
        case "choices" -> {
          text.setLength(mark);
          choices = token == JsonToken.START_ARRAY ? ChoiceText.readChoices(parser, text) : -1;
        }
        default -> {
        }
      }
      JsonTrees.skip(parser);
    }
    return new OpenAiFields(id, usage, error, choices);
  }
}
