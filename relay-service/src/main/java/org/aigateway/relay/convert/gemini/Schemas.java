package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * JSON schemas made acceptable to Gemini's OpenAPI-subset {@code parameters} and {@code responseSchema}:
 * the keywords it rejects are removed at every level, as the original does.
 */
final class Schemas {

  private static final List<String> UNSUPPORTED = List.of(
      "additionalProperties", "$schema", "$id", "$ref", "$defs", "exclusiveMinimum", "exclusiveMaximum");
  private static final Set<String> FORMATS = Set.of("enum", "date-time");

  private Schemas() {
  }

  /** A cleaned copy of {@code schema}. */
  static JsonObject clean(JsonObject schema) {
    JsonObject copy = schema.copy();
    cleanInPlace(copy);
    return copy;
  }

  private static void cleanInPlace(JsonObject schema) {
    UNSUPPORTED.forEach(schema::remove);
    if (schema.getValue("format") instanceof String format && !FORMATS.contains(format)) {
      schema.remove("format");
    }
    schema.forEach(entry -> cleanValue(entry.getValue()));
  }

  private static void cleanValue(Object value) {
    if (value instanceof JsonObject object) {
      cleanInPlace(object);
    } else if (value instanceof JsonArray array) {
      array.forEach(Schemas::cleanValue);
    }
  }
}
