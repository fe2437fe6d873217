package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Gemini's REST API accepts protobuf field names in snake_case as well as camelCase (its own curl
 * examples use {@code system_instruction} and {@code inline_data}); requests are brought to
 * camelCase before conversion. User data (function arguments and responses, schemas) is left as is.
 */
final class GeminiKeys {

  private static final Set<String> OPAQUE = Set.of(
      "args", "response", "parameters", "parametersJsonSchema", "responseSchema", "responseJsonSchema");

  private GeminiKeys() {
  }

  /** A copy of {@code request} with camelCase field names. */
  static JsonObject camelCase(JsonObject request) {
    JsonObject out = new JsonObject();
    request.forEach(entry -> {
      String key = camel(entry.getKey());
      out.put(key, OPAQUE.contains(key) ? entry.getValue() : value(entry.getValue()));
    });
    return out;
  }

  private static Object value(Object value) {
    if (value instanceof JsonObject object) {
      return camelCase(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(value(item)));
      return out;
    }
    return value;
  }

  static String camel(String key) {
    if (key.indexOf('_') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? String.valueOf(c).toUpperCase(Locale.ROOT) : String.valueOf(c));
        upper = false;
      }
    }
    return out.toString();
  }
}
