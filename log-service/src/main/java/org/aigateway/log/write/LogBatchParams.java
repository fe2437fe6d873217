package org.aigateway.log.write;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Price;

/** Turns a batch of events into the column arrays of {@link LogSql#INSERT_BATCH}, in its parameter order. */
final class LogBatchParams {

  private static final List<Column<?>> COLUMNS = List.of(
      text(RelayCompleted::requestId),
      new Column<>(e -> time(e.requestAt()), OffsetDateTime[]::new, null),
      int8(RelayCompleted::ttfbMs),
      int8(RelayCompleted::durationMs),
      text(e -> Text.orEmpty(e.groupId())),
      int8(RelayCompleted::tokenId),
      text(e -> Text.orEmpty(e.tokenName())),
      int4(RelayCompleted::channelId),
      text(e -> Text.orEmpty(e.model())),
      text(e -> Text.orEmpty(e.actualModel())),
      int4(RelayCompleted::mode),
      text(e -> Text.orEmpty(e.endpoint())),
      int4(RelayCompleted::status),
      bool(RelayCompleted::stream),
      text(e -> Text.truncate(Text.clean(e.content()), Text.CONTENT_MAX_BYTES)),
      text(e -> Text.orEmpty(e.clientIp())),
      text(e -> Text.orEmpty(e.upstreamId())),
      int8(e -> e.usage().inputTokens()),
      int8(e -> e.usage().outputTokens()),
      int8(e -> e.usage().cachedTokens()),
      int8(e -> e.usage().cacheCreationTokens()),
      int8(e -> e.usage().reasoningTokens()),
      int8(e -> e.usage().totalTokens()),
      bool(RelayCompleted::usageEstimated),
      bool(RelayCompleted::truncated),
      // Events of one model share its price object: its JSON is encoded once per run of them.
      new Column<>(e -> priceJson(e.price()).encode(), String[]::new, RelayCompleted::price),
      decimal(e -> e.amount().input()),
      decimal(e -> e.amount().cached()),
      decimal(e -> e.amount().cacheCreation()),
      decimal(e -> e.amount().output()),
      decimal(e -> e.amount().perRequest()),
      decimal(e -> e.amount().total()),
      int4(e -> Math.max(e.attempts().size() - 1, 0)),
      text(e -> attemptsJson(e.attempts()).encode()),
      text(e -> Text.clean(e.requestBody())),
      text(e -> Text.clean(e.responseBody())));

  private LogBatchParams() {
  }

  static Tuple of(List<RelayCompleted> events) {
    return Tuple.from(COLUMNS.stream().map(column -> (Object) column.values(events)).toList());
  }

  /** The price snapshot with its decimals as strings, so that no digit is lost when it is read back. */
  static JsonObject priceJson(Price price) {
    JsonObject json = new JsonObject();
    for (Map.Entry<String, Object> entry : price.toJson()) {
      Object value = entry.getValue();
      json.put(entry.getKey(), value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
    }
    return json;
  }

  private static JsonArray attemptsJson(List<Attempt> attempts) {
    JsonArray json = new JsonArray();
    for (Attempt attempt : attempts) {
      json.add(new Attempt(attempt.channelId(), attempt.status(), attempt.startedAt(), attempt.durationMs(),
          Text.clean(attempt.error())).toJson());
    }
    return json;
  }

  private static OffsetDateTime time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
  }

  private static Column<String> text(Function<RelayCompleted, String> value) {
    return new Column<>(value, String[]::new, null);
  }

  private static Column<Long> int8(Function<RelayCompleted, Long> value) {
    return new Column<>(value, Long[]::new, null);
  }

  private static Column<Integer> int4(Function<RelayCompleted, Integer> value) {
    return new Column<>(value, Integer[]::new, null);
  }

  private static Column<Boolean> bool(Function<RelayCompleted, Boolean> value) {
    return new Column<>(value, Boolean[]::new, null);
  }

  private static Column<BigDecimal> decimal(Function<RelayCompleted, BigDecimal> value) {
    return new Column<>(value, BigDecimal[]::new, null);
  }

  /**
   * One parameter: a column's value for each event.
   *
   * @param source what the value is computed from, when that is an object the next event may share:
   *               the value is then reused while the source is the same instance; {@code null} computes
   *               every value
   */
  private record Column<T>(Function<RelayCompleted, T> value, IntFunction<T[]> array,
                           Function<RelayCompleted, Object> source) {

    T[] values(List<RelayCompleted> events) {
      T[] values = array.apply(events.size());
      Object lastSource = null;
      T last = null;
      for (int i = 0; i < values.length; i++) {
        RelayCompleted event = events.get(i);
        Object from = source == null ? null : source.apply(event);
        if (from == null || from != lastSource) {
          last = value.apply(event);
          lastSource = from;
        }
        values[i] = last;
      }
      return values;
    }
  }
}
