package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@code GROUP_CONSUME_LEVEL_RATIO}: a multiplier of a group's RPM/TPM limits that depends on how
 * much the group has spent in total. The setting is a JSON map from spend levels to ratios
 * ({@code {"1": 1, "2": 0.9, "3": 0.8}}); the ratio of the highest level at or below the group's
 * used amount applies; below every level, with no map, or for a ratio of zero or less it is 1.
 */
public record ConsumeLevelRatio(NavigableMap<BigDecimal, Double> levels) {

  /** No levels: the ratio is always 1. */
  public static final ConsumeLevelRatio NONE = new ConsumeLevelRatio(new TreeMap<>());

  public ConsumeLevelRatio {
    levels = Collections.unmodifiableNavigableMap(new TreeMap<>(levels));
  }

  /**
   * Reads the setting's JSON map.
   *
   * @throws IllegalArgumentException when a level is not a decimal or a ratio not a number
   */
  public static ConsumeLevelRatio parse(JsonObject json) {
    NavigableMap<BigDecimal, Double> levels = new TreeMap<>();
    for (Map.Entry<String, Object> entry : json) {
      BigDecimal level;
      try {
        level = new BigDecimal(entry.getKey().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("GROUP_CONSUME_LEVEL_RATIO level '" + entry.getKey() + "' is not a number", e);
      }
      if (!(entry.getValue() instanceof Number ratio)) {
        throw new IllegalArgumentException("GROUP_CONSUME_LEVEL_RATIO ratio of level " + entry.getKey()
            + " is not a number");
      }
      levels.put(level, ratio.doubleValue());
    }
    return new ConsumeLevelRatio(levels);
  }

  /** The ratio for a group that has spent {@code usedAmount} in total. */
  public double ratio(BigDecimal usedAmount) {
    Map.Entry<BigDecimal, Double> level = levels.floorEntry(usedAmount);
    return level == null ? 1.0 : positiveOrOne(level.getValue());
  }

  /**
   * A group×model limit in effect: {@code base} × the group's ratio × the consume-level ratio,
   * rounded down but never below 1. A base of 0 (unlimited) stays 0; a ratio of zero or less counts as 1.
   */
  public static long effectiveLimit(long base, double groupRatio, double levelRatio) {
    if (base <= 0) {
      return 0;
    }
    double limit = Math.floor(base * positiveOrOne(groupRatio) * positiveOrOne(levelRatio));
    return Math.max(1L, limit >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) limit);
  }

  private static double positiveOrOne(double ratio) {
    return ratio > 0 && Double.isFinite(ratio) ? ratio : 1.0;
  }
}
