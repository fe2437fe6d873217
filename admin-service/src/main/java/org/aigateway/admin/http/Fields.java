package org.aigateway.admin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated reads of a JSON request object. An absent or null field takes the default; a field
 * of the wrong type or out of range is a 400 whose message names it (with {@code prefix}, such
 * as {@code [2].}, for items of a batch).
 */
public final class Fields {

  private final JsonObject json;
  private final String prefix;

  private Fields(JsonObject json, String prefix) {
    this.json = json;
    this.prefix = prefix;
  }

  public static Fields of(JsonObject json) {
    return new Fields(json, "");
  }

  public static Fields of(JsonObject json, String prefix) {
    return new Fields(json, prefix);
  }

  public String string(String field, int maxLength, String fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw invalid(field, "must be a string");
    }
    if (text.length() > maxLength) {
      throw invalid(field, "must be at most " + maxLength + " characters");
    }
    return text;
  }

  public String requiredString(String field, int maxLength) {
    String value = string(field, maxLength, null);
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required");
    }
    return value;
  }

  public Integer integer(String field, Integer fallback) {
    Long value = integral(field, fallback == null ? null : fallback.longValue());
    if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw invalid(field, "is out of range");
    }
    return value == null ? null : value.intValue();
  }

  public int requiredInt(String field) {
    Integer value = integer(field, null);
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  public long nonNegativeLong(String field, long fallback) {
    long value = integral(field, fallback);
    if (value < 0) {
      throw invalid(field, "must not be negative");
    }
    return value;
  }

  public BigDecimal nonNegativeDecimal(String field, BigDecimal fallback) {
    return decimal(field, fallback, false);
  }

  /**
   * Like {@link #nonNegativeDecimal} but also takes a decimal string ({@code "0.000000000000000001"}),
   * so that a value with more digits than a double holds arrives exactly.
   */
  public BigDecimal exactNonNegativeDecimal(String field, BigDecimal fallback) {
    return decimal(field, fallback, true);
  }

  public boolean bool(String field, boolean fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw invalid(field, "must be true or false");
    }
    return flag;
  }

  /** 1 (enabled) or 2 (disabled). */
  public int status(String field, int fallback) {
    int value = integer(field, fallback);
    if (value != 1 && value != 2) {
      throw invalid(field, "must be 1 (enabled) or 2 (disabled)");
    }
    return value;
  }

  public List<String> strings(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid(field, "must be a list of strings");
    }
    List<String> items = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw invalid(field, "must be a list of strings");
      }
      items.add(text);
    }
    return List.copyOf(items);
  }

  public Map<String, String> stringMap(String field) {
    JsonObject object = object(field);
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      if (!(entry.getValue() instanceof String text)) {
        throw invalid(field, "must map strings to strings");
      }
      map.put(entry.getKey(), text);
    }
    return map;
  }

  public JsonObject object(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid(field, "must be a JSON object");
    }
    return object;
  }

  /** A 400 naming {@code field}. */
  public ApiException invalid(String field, String problem) {
    return ApiException.badRequest(prefix + field + " " + problem);
  }

  private Long integral(String field, Long fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      return exactLong(field, number);
    }
    throw invalid(field, "must be an integer");
  }

  private BigDecimal decimal(String field, BigDecimal fallback, boolean textAllowed) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    boolean text = textAllowed && value instanceof String;
    if (!(value instanceof Number) && !text) {
      throw invalid(field, "must be a number");
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(field, text ? "must be a number" : "must be a finite number");
    }
    if (decimal.signum() < 0) {
      throw invalid(field, "must not be negative");
    }
    return decimal;
  }

  private long exactLong(String field, Number number) {
    try {
      BigDecimal decimal = new BigDecimal(number.toString());
      BigInteger exact = decimal.toBigIntegerExact();
      return exact.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(field, "must be an integer");
    }
  }
}
