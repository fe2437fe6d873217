package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import org.aigateway.protocol.Json;

/**
 * A price per {@code unit} items (tokens, or searches for web search). A unit of zero means the
 * default, {@value #DEFAULT_UNIT}. A price of zero means "not set": its tokens are then billed as
 * part of the plain input or output, as the amount formula says.
 *
 * <p>On the wire a unit price is two fields, {@code <name>_price} (a decimal string, so that no
 * digit is lost) and {@code <name>_price_unit} (an integer).
 */
public record UnitPrice(BigDecimal price, long unit) {

  /** Items per price unit when none is set. */
  public static final long DEFAULT_UNIT = 1000;

  /** No price. */
  public static final UnitPrice NONE = new UnitPrice(BigDecimal.ZERO, 0);

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  /** Normalises the price, so that equal prices are equal records whatever their scale ({@code 0.50} is {@code 0.5}). */
  public UnitPrice {
    price = normalise(price);
  }

  /** A price per the default unit (1K). */
  public static UnitPrice of(BigDecimal price) {
    return new UnitPrice(price, 0);
  }

  /** Whether a price is set (non-zero). */
  public boolean isSet() {
    return price.signum() != 0;
  }

  /** The unit in effect: {@link #unit} or, when that is zero or less, {@value #DEFAULT_UNIT}. */
  public long effectiveUnit() {
    return unit > 0 ? unit : DEFAULT_UNIT;
  }

  /** {@code count × price / unit}, exact for any power-of-ten unit, trailing zeros stripped. */
  public BigDecimal cost(long count) {
    if (count == 0 || !isSet()) {
      return BigDecimal.ZERO;
    }
    BigDecimal product = price.multiply(BigDecimal.valueOf(count));
    long unit = effectiveUnit();
    int digits = powerOfTen(unit);
    // Units are powers of ten in practice: moving the point is exact and far cheaper than a division.
    BigDecimal cost = digits >= 0 ? product.movePointLeft(digits) : product.divide(BigDecimal.valueOf(unit), PRECISION);
    return cost.stripTrailingZeros();
  }

  /** {@code n} when {@code unit} is 10<sup>n</sup>, else -1. */
  private static int powerOfTen(long unit) {
    int digits = 0;
    long rest = unit;
    while (rest % 10 == 0) {
      rest /= 10;
      digits++;
    }
    return rest == 1 ? digits : -1;
  }

  /** Writes {@code <name>_price} as a decimal string and {@code <name>_price_unit}. */
  void write(JsonObject json, String name) {
    json.put(name + "_price", price.toPlainString()).put(name + "_price_unit", unit);
  }

  /** Writes {@code <name>_price} as a JSON number (the admin API's shape) and {@code <name>_price_unit}. */
  void writeNumber(JsonObject json, String name) {
    json.put(name + "_price", plain(price)).put(name + "_price_unit", unit);
  }

  /** Zero as {@link BigDecimal#ZERO}, anything else without trailing zeros. */
  static BigDecimal normalise(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The value with a scale of at least zero, so that a JSON number is written without an exponent. */
  static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** Reads {@code <name>_price} (a number or a decimal string) and {@code <name>_price_unit}; absent is zero. */
  static UnitPrice read(JsonObject json, String name) {
    return new UnitPrice(Json.decimal(json, name + "_price"), Json.longValue(json, name + "_price_unit"));
  }
}
