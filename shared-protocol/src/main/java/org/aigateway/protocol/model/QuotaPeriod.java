package org.aigateway.protocol.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The periods of a token's period quota: {@code daily} is the UTC day, {@code weekly} the 7×24 h
 * since the token's anchor (its creation time), {@code monthly} the UTC calendar month. An unknown
 * or missing type is monthly, the tokens' default. Times are epoch milliseconds.
 */
public enum QuotaPeriod {
  DAILY, WEEKLY, MONTHLY;

  private static final long DAY_MS = 24L * 60 * 60 * 1000;
  private static final long WEEK_MS = 7 * DAY_MS;

  /** The period of a token's {@code period_type}; monthly when it is unknown or missing. */
  public static QuotaPeriod of(String type) {
    if (type == null) {
      return MONTHLY;
    }
    return switch (type.trim().toLowerCase(Locale.ROOT)) {
      case "daily" -> DAILY;
      case "weekly" -> WEEKLY;
      default -> MONTHLY;
    };
  }

  /** The name used in {@code period_type}. */
  public String type() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The start of the period that contains {@code atMs}; {@code anchorMs} only matters for weekly periods. */
  public long start(long anchorMs, long atMs) {
    return switch (this) {
      case DAILY -> Math.floorDiv(atMs, DAY_MS) * DAY_MS;
      case WEEKLY -> anchorMs + Math.floorDiv(atMs - anchorMs, WEEK_MS) * WEEK_MS;
      case MONTHLY -> monthStart(atMs).toInstant().toEpochMilli();
    };
  }

  /** The start of the next period, when the period that contains {@code atMs} ends. */
  public long end(long anchorMs, long atMs) {
    return switch (this) {
      case DAILY -> start(anchorMs, atMs) + DAY_MS;
      case WEEKLY -> start(anchorMs, atMs) + WEEK_MS;
      case MONTHLY -> monthStart(atMs).plusMonths(1).toInstant().toEpochMilli();
    };
  }

  private static ZonedDateTime monthStart(long atMs) {
    LocalDate day = Instant.ofEpochMilli(atMs).atZone(ZoneOffset.UTC).toLocalDate();
    return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC);
  }
}
