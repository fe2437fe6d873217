package org.aigateway.protocol.model;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.aigateway.protocol.Json;

/**
 * When a conditional price applies. Every bound is inclusive and 0 means "not set": token bounds
 * compare with the call's input and output tokens, time bounds (unix seconds) with the time the
 * request arrived. The more bounds are set, the more specific the condition.
 */
public record PriceCondition(long inputTokenMin, long inputTokenMax, long outputTokenMin, long outputTokenMax,
                             long startTime, long endTime) {

  /** Whether the call lies within every bound that is set. */
  public boolean matches(Usage usage, long atEpochMs) {
    long at = Math.floorDiv(atEpochMs, 1000L);
    return within(usage.inputTokens(), inputTokenMin, inputTokenMax)
        && within(usage.outputTokens(), outputTokenMin, outputTokenMax)
        && within(at, startTime, endTime);
  }

  /** How many bounds are set. */
  public int specificity() {
    int count = 0;
    for (long bound : new long[] {inputTokenMin, inputTokenMax, outputTokenMin, outputTokenMax, startTime, endTime}) {
      count += bound != 0 ? 1 : 0;
    }
    return count;
  }

  /** Whether some call matches both conditions. */
  public boolean overlaps(PriceCondition other) {
    return intersect(inputTokenMin, inputTokenMax, other.inputTokenMin, other.inputTokenMax)
        && intersect(outputTokenMin, outputTokenMax, other.outputTokenMin, other.outputTokenMax)
        && intersect(startTime, endTime, other.startTime, other.endTime);
  }

  /** What is wrong with the bounds (negative, or a minimum above its maximum), if anything. */
  public Optional<String> problem() {
    if (inputTokenMin < 0 || inputTokenMax < 0 || outputTokenMin < 0 || outputTokenMax < 0
        || startTime < 0 || endTime < 0) {
      return Optional.of("bounds must not be negative");
    }
    if (inputTokenMax != 0 && inputTokenMin > inputTokenMax) {
      return Optional.of("input_token_min must not be greater than input_token_max");
    }
    if (outputTokenMax != 0 && outputTokenMin > outputTokenMax) {
      return Optional.of("output_token_min must not be greater than output_token_max");
    }
    if (endTime != 0 && startTime > endTime) {
      return Optional.of("start_time must not be later than end_time");
    }
    return Optional.empty();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("input_token_min", inputTokenMin)
        .put("input_token_max", inputTokenMax)
        .put("output_token_min", outputTokenMin)
        .put("output_token_max", outputTokenMax)
        .put("start_time", startTime)
        .put("end_time", endTime);
  }

  public static PriceCondition fromJson(JsonObject json) {
    return new PriceCondition(
        Json.longValue(json, "input_token_min"),
        Json.longValue(json, "input_token_max"),
        Json.longValue(json, "output_token_min"),
        Json.longValue(json, "output_token_max"),
        Json.longValue(json, "start_time"),
        Json.longValue(json, "end_time"));
  }

  private static boolean within(long value, long min, long max) {
    return (min == 0 || value >= min) && (max == 0 || value <= max);
  }

  private static boolean intersect(long minA, long maxA, long minB, long maxB) {
    long low = Math.max(minA, minB);
    long high = Math.min(maxA == 0 ? Long.MAX_VALUE : maxA, maxB == 0 ? Long.MAX_VALUE : maxB);
    return low <= high;
  }
}
