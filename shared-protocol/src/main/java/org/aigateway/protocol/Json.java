package org.aigateway.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small conversions between JSON values and the types of the shared records. */
public final class Json {

  private Json() {
  }

  /** A decimal from any JSON number or numeric string; {@code null} or absent gives zero. */
  public static BigDecimal decimal(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number || value instanceof String) {
      return new BigDecimal(value.toString());
    }
    throw new IllegalArgumentException(field + " must be a number");
  }

  /** A decimal from any JSON number or numeric string; {@code null} when absent or null. */
  public static BigDecimal decimalOrNull(JsonObject json, String field) {
    return json.getValue(field) == null ? null : decimal(json, field);
  }

  /** The field as a long, zero when absent. */
  public static long longValue(JsonObject json, String field) {
    Long value = json.getLong(field);
    return value == null ? 0L : value;
  }

  /** The field as an int, {@code fallback} when absent. */
  public static int intValue(JsonObject json, String field, int fallback) {
    Integer value = json.getInteger(field);
    return value == null ? fallback : value;
  }

  /** A list of strings, empty when absent. */
  public static List<String> strings(JsonObject json, String field) {
    JsonArray array = json.getJsonArray(field);
    if (array == null) {
      return List.of();
    }
    return array.stream().map(String::valueOf).toList();
  }

  /** A string-to-string map, empty when absent. */
  public static Map<String, String> stringMap(JsonObject json, String field) {
    JsonObject object = json.getJsonObject(field);
    if (object == null) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    object.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return Map.copyOf(map);
  }

  /** An object field, empty when absent. */
  public static JsonObject object(JsonObject json, String field) {
    JsonObject object = json.getJsonObject(field);
    return object == null ? new JsonObject() : object;
  }
}
