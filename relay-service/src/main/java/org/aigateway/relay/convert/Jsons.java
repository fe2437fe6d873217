package org.aigateway.relay.convert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Lenient reads of provider JSON: a missing or mistyped field reads as empty, never as an exception. */
public final class Jsons {

  private Jsons() {
  }

  /** The field as an object, an empty one when absent or not an object. */
  public static JsonObject object(JsonObject json, String field) {
    return json != null && json.getValue(field) instanceof JsonObject value ? value : new JsonObject();
  }

  /** The field as an array, an empty one when absent or not an array. */
  public static JsonArray array(JsonObject json, String field) {
    return json != null && json.getValue(field) instanceof JsonArray value ? value : new JsonArray();
  }

  /** The field as a string, {@code null} when absent or not a string. */
  public static String string(JsonObject json, String field) {
    return json != null && json.getValue(field) instanceof String value ? value : null;
  }

  /** The field as a long, zero when absent or not a number. */
  public static long number(JsonObject json, String field) {
    return json != null && json.getValue(field) instanceof Number value ? value.longValue() : 0L;
  }

  /** Whether the field holds a non-empty string. */
  public static boolean hasText(JsonObject json, String field) {
    String value = string(json, field);
    return value != null && !value.isEmpty();
  }

  /** The objects of an array, skipping anything else. */
  public static Iterable<JsonObject> objects(JsonArray array) {
    return () -> array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).iterator();
  }

  /** The first object of the field's array, an empty object when there is none. */
  public static JsonObject first(JsonObject json, String field) {
    return first(array(json, field));
  }

  /** The first object of {@code array}, an empty object when there is none. */
  public static JsonObject first(JsonArray array) {
    for (JsonObject item : objects(array)) {
      return item;
    }
    return new JsonObject();
  }

  /** {@code text} parsed as a JSON object, {@code null} when it is not one. */
  public static JsonObject parseObject(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(trimmed);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Tool-call arguments (a JSON string in OpenAI's protocol) as the object Anthropic and Gemini
   * expect: an empty object when blank, the parsed object when valid, else the raw text under
   * {@code "_raw"} so that nothing the model produced is silently lost.
   */
  public static JsonObject arguments(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return new JsonObject();
    }
    JsonObject parsed = parseObject(arguments);
    return parsed != null ? parsed : new JsonObject().put("_raw", arguments);
  }

  /** Puts {@code value} unless it is {@code null}. */
  public static JsonObject putIfPresent(JsonObject json, String field, Object value) {
    if (value != null) {
      json.put(field, value);
    }
    return json;
  }
}
