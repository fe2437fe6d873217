package org.aigateway.protocol.config;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The gateway's settings: environment variables, overridden by a verticle's deployment config
 * (so tests and the launcher can inject values). Keys are the environment variable names.
 * Typed config records read their values through this once, at start.
 */
public final class Settings {

  private final JsonObject values;

  private Settings(JsonObject values) {
    this.values = values;
  }

  /** The process environment overlaid with {@code overrides}. */
  public static Settings load(JsonObject overrides) {
    JsonObject merged = new JsonObject();
    System.getenv().forEach(merged::put);
    if (overrides != null) {
      merged.mergeIn(overrides);
    }
    return new Settings(merged);
  }

  /** Only the given values, without the environment. */
  public static Settings of(Map<String, Object> values) {
    return new Settings(new JsonObject(Map.copyOf(values)));
  }

  /** The setting as text, {@code fallback} when unset or blank. */
  public String string(String key, String fallback) {
    Object value = values.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    return value.toString().trim();
  }

  public int integer(String key, int fallback) {
    String value = string(key, null);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
    }
  }

  public long longValue(String key, long fallback) {
    String value = string(key, null);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
    }
  }

  public double doubleValue(String key, double fallback) {
    String value = string(key, null);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
    }
  }

  public boolean bool(String key, boolean fallback) {
    String value = string(key, null);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    };
  }

  /** The setting parsed as a JSON object, {@code {}} when unset. */
  public JsonObject json(String key) {
    Object value = values.getValue(key);
    if (value instanceof JsonObject object) {
      return object;
    }
    String text = string(key, null);
    try {
      return text == null ? new JsonObject() : new JsonObject(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be a JSON object", e);
    }
  }

  /** A copy with one more value, for handing a derived setting to a deployed verticle. */
  public JsonObject asJson() {
    return values.copy();
  }
}
