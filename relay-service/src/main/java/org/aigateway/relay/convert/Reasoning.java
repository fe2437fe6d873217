package org.aigateway.relay.convert;

import java.util.Locale;
import java.util.Map;

/**
 * Reasoning effort, normalised across protocols as the original does: the efforts
 * {@code none, minimal, low, medium, high, xhigh}, their default token budgets
 * 0/1024/2048/8192/16384/32768, and budget ranges back to an effort.
 */
public final class Reasoning {

  public static final String NONE = "none";
  public static final String MEDIUM = "medium";

  private static final Map<String, Integer> BUDGETS = Map.of(
      NONE, 0, "minimal", 1024, "low", 2048, MEDIUM, 8192, "high", 16384, "xhigh", 32768);
  private static final Map<String, String> ALIASES = Map.of(
      "off", NONE, "disabled", NONE, "med", MEDIUM, "max", "xhigh", "maximum", "xhigh");

  private Reasoning() {
  }

  /** The normalised effort for {@code value} (aliases accepted), {@code null} when unknown. */
  public static String effort(String value) {
    if (value == null) {
      return null;
    }
    String key = value.strip().toLowerCase(Locale.ROOT);
    String effort = ALIASES.getOrDefault(key, key);
    return BUDGETS.containsKey(effort) ? effort : null;
  }

  /** The default token budget of a normalised effort. */
  public static int budget(String effort) {
    return BUDGETS.getOrDefault(effort, BUDGETS.get(MEDIUM));
  }

  /** The effort whose range holds {@code budget}. */
  public static String effortForBudget(long budget) {
    if (budget <= 0) {
      return NONE;
    }
    if (budget <= 1024) {
      return "minimal";
    }
    if (budget <= 4096) {
      return "low";
    }
    if (budget <= 12288) {
      return MEDIUM;
    }
    return budget <= 24576 ? "high" : "xhigh";
  }
}
