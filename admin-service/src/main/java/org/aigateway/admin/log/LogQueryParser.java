package org.aigateway.admin.log;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Locale;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Paging;
import org.aigateway.admin.http.Params;
import org.aigateway.protocol.command.LogQuery;

/**
 * Reads the original's log filters from query parameters: paging, a time range whose timestamps
 * may be seconds, milliseconds, microseconds or nanoseconds (told apart by their digit count;
 * default the last 7 days), model, token, channel, status code class and order.
 */
public final class LogQueryParser {

  static final long DEFAULT_WINDOW_MS = Duration.ofDays(7).toMillis();

  private LogQueryParser() {
  }

  public static LogQuery parse(MultiMap params, String group, long nowMs) {
    Paging paging = Paging.from(params);
    long end = timestamp(params, "end_timestamp", nowMs);
    long start = timestamp(params, "start_timestamp", end - DEFAULT_WINDOW_MS);
    if (start > end) {
      throw ApiException.badRequest("start_timestamp must not be after end_timestamp");
    }
    return new LogQuery(group, Params.string(params, "model_name"), Params.optionalLong(params, "token_id"),
        Params.string(params, "token_name"), Params.optionalInt(params, "channel"),
        Params.optionalInt(params, "code"), codeType(params), Params.string(params, "request_id"),
        start, end, paging.page(), paging.perPage(), ascending(params));
  }

  /** Epoch milliseconds of the parameter; absent or 0 gives {@code fallback}. */
  static long timestamp(MultiMap params, String name, long fallback) {
    String raw = Params.string(params, name);
    if (raw == null || raw.equals("0")) {
      return fallback;
    }
    if (!raw.chars().allMatch(Character::isDigit) || raw.length() > 19) {
      throw ApiException.badRequest(name + " must be a Unix timestamp in s, ms, us or ns, got '" + raw + "'");
    }
    long value = Long.parseLong(raw);
    int digits = String.valueOf(value).length();
    if (digits <= 10) {
      return value * 1000;
    }
    if (digits <= 13) {
      return value;
    }
    return digits <= 16 ? value / 1000 : value / 1_000_000;
  }

  private static String codeType(MultiMap params) {
    String type = Params.string(params, "code_type");
    if (type == null) {
      return "all";
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (!lower.equals("all") && !lower.equals("success") && !lower.equals("error")) {
      throw ApiException.badRequest("code_type must be all, success or error");
    }
    return lower;
  }

  /** {@code asc} (or {@code <field>-asc}) sorts oldest first; {@code desc}, the default, newest first. */
  private static boolean ascending(MultiMap params) {
    String order = Params.string(params, "order");
    if (order == null) {
      return false;
    }
    String lower = order.toLowerCase(Locale.ROOT);
    if (lower.equals("asc") || lower.endsWith("-asc")) {
      return true;
    }
    if (lower.equals("desc") || lower.endsWith("-desc")) {
      return false;
    }
    throw ApiException.badRequest("order must be asc or desc");
  }
}
