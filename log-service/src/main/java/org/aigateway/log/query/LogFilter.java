package org.aigateway.log.query;

import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.protocol.command.LogQuery;

/**
 * The WHERE clause of a {@link LogQuery}: fixed condition texts joined by AND, each value bound as
 * a {@code $n} parameter. Null or blank filters and zero times match everything.
 */
final class LogFilter {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  private LogFilter() {
  }

  /** @throws IllegalArgumentException for an unknown {@code code_type} */
  static LogFilter of(LogQuery query) {
    LogFilter filter = new LogFilter();
    filter.add("group_id = $", blankToNull(query.group()));
    filter.add("model = $", blankToNull(query.model()));
    filter.add("token_id = $", query.tokenId());
    filter.add("token_name = $", blankToNull(query.tokenName()));
    filter.add("channel_id = $", query.channelId());
    filter.add("code = $", query.code());
    filter.add("request_id = $", blankToNull(query.requestId()));
    filter.add("request_at >= $", query.startMs() > 0 ? time(query.startMs()) : null);
    filter.add("request_at <= $", query.endMs() > 0 ? time(query.endMs()) : null);
    filter.codeType(query.codeType());
    return filter;
  }

  /** {@code " WHERE ..."}, or nothing when no filter is set. */
  String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Number of the next free parameter. */
  int nextParam() {
    return params.size() + 1;
  }

  /** The filter's values followed by {@code extra}. */
  Tuple params(Object... extra) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(extra));
    return Tuple.from(all);
  }

  private void add(String condition, Object value) {
    if (value != null) {
      params.add(value);
      conditions.add(condition + params.size());
    }
  }

  private void codeType(String codeType) {
    if (codeType == null || codeType.isBlank() || codeType.equals("all")) {
      return;
    }
    switch (codeType) {
      case "success" -> conditions.add("code = 200");
      case "error" -> conditions.add("code <> 200");
      default -> throw new IllegalArgumentException("code_type must be all, success or error");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Object time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
  }
}
