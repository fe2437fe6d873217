package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aigateway.relay.convert.Jsons;

/**
 * JSON schemas and Gemini's OpenAPI-subset {@code parameters} and {@code responseSchema}. Towards
 * Gemini the keywords it rejects are removed at every level, as the original does, and a type list
 * (JSON Schema's way to allow {@code null}) becomes one type with {@code nullable}, since Gemini's
 * type is a single value. Towards OpenAI Gemini's upper-case type names (its SDKs send
 * {@code "OBJECT"}) become JSON Schema's lower-case ones, which OpenAI and Anthropic require.
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
    if (schema.getValue("type") instanceof JsonArray types) {
      List<Object> named = types.stream().filter(type -> !"null".equals(type)).toList();
      if (named.size() == 1) {
        schema.put("type", named.get(0));
        if (named.size() < types.size()) {
          schema.put("nullable", true);
        }
      }
    }
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

  /** A copy of Gemini's {@code schema} as JSON Schema: lower-case types, {@code nullable} as a {@code "null"} type. */
  static JsonObject toJsonSchema(JsonObject schema) {
    JsonObject copy = schema.copy();
    toJsonSchemaInPlace(copy);
    return copy;
  }

  /** Walks the places that hold schemas only, so that a property named {@code type} is left alone. */
  private static void toJsonSchemaInPlace(JsonObject schema) {
    if (schema.getValue("type") instanceof String type) {
      String lower = type.toLowerCase(Locale.ROOT);
      boolean nullable = Boolean.TRUE.equals(schema.remove("nullable"));
      schema.put("type", nullable ? new JsonArray().add(lower).add("null") : lower);
    }
    Jsons.object(schema, "properties").forEach(property -> {
      if (property.getValue() instanceof JsonObject nested) {
        toJsonSchemaInPlace(nested);
      }
    });
    if (schema.getValue("items") instanceof JsonObject items) {
      toJsonSchemaInPlace(items);
    }
    Jsons.objects(Jsons.array(schema, "anyOf")).forEach(Schemas::toJsonSchemaInPlace);
  }
}
