package org.aigateway.log.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A stored log row as the admin API shows it, in the original's field names. Decimals are strings
 * so that no digit is lost on the bus; times are epoch milliseconds.
 */
final class LogRowJson {

  /** The columns {@link #from(Row)} reads. */
  static final String COLUMNS = "id, request_id, request_at, created_at, ttfb_ms, duration_ms, group_id, token_id, "
      + "token_name, channel_id, model, actual_model, mode, endpoint, code, stream, content, ip, upstream_id, "
      + "input_tokens, output_tokens, cached_tokens, cache_creation_tokens, reasoning_tokens, total_tokens, "
      + "usage_estimated, truncated, price, input_amount, cached_amount, cache_creation_amount, output_amount, "
      + "per_request_amount, used_amount, retry_times, attempts";

  private LogRowJson() {
  }

  static JsonObject from(Row row) {
    return request(row).mergeIn(outcome(row))
        .put("usage", usage(row))
        .put("price", row.getJsonObject("price"))
        .put("amount", amount(row))
        .put("used_amount", decimal(row, "used_amount"));
  }

  private static JsonObject request(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("request_id", row.getString("request_id"))
        .put("request_at", millis(row.getOffsetDateTime("request_at")))
        .put("created_at", millis(row.getOffsetDateTime("created_at")))
        .put("group", row.getString("group_id"))
        .put("token_id", row.getLong("token_id"))
        .put("token_name", row.getString("token_name"))
        .put("model", row.getString("model"))
        .put("actual_model", row.getString("actual_model"))
        .put("channel", row.getInteger("channel_id"))
        .put("endpoint", row.getString("endpoint"))
        .put("mode", row.getInteger("mode"))
        .put("ip", row.getString("ip"))
        .put("stream", row.getBoolean("stream"));
  }

  private static JsonObject outcome(Row row) {
    return new JsonObject()
        .put("code", row.getInteger("code"))
        .put("content", row.getString("content"))
        .put("upstream_id", row.getString("upstream_id"))
        .put("ttfb_milliseconds", row.getLong("ttfb_ms"))
        .put("duration_ms", row.getLong("duration_ms"))
        .put("usage_estimated", row.getBoolean("usage_estimated"))
        .put("truncated", row.getBoolean("truncated"))
        .put("retry_times", row.getInteger("retry_times"))
        .put("attempts", (JsonArray) row.getValue("attempts"));
  }

  private static JsonObject usage(Row row) {
    return new JsonObject()
        .put("input_tokens", row.getLong("input_tokens"))
        .put("output_tokens", row.getLong("output_tokens"))
        .put("cached_tokens", row.getLong("cached_tokens"))
        .put("cache_creation_tokens", row.getLong("cache_creation_tokens"))
        .put("reasoning_tokens", row.getLong("reasoning_tokens"))
        .put("total_tokens", row.getLong("total_tokens"));
  }

  private static JsonObject amount(Row row) {
    return new JsonObject()
        .put("input_amount", decimal(row, "input_amount"))
        .put("cached_amount", decimal(row, "cached_amount"))
        .put("cache_creation_amount", decimal(row, "cache_creation_amount"))
        .put("output_amount", decimal(row, "output_amount"))
        .put("per_request_amount", decimal(row, "per_request_amount"))
        .put("used_amount", decimal(row, "used_amount"));
  }

  private static String decimal(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? "0" : value.toPlainString();
  }

  private static Long millis(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toEpochMilli();
  }
}
