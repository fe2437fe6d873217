package org.aigateway.billing.balance;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.QuotaPeriod;
import org.aigateway.protocol.model.TokenBalance;

/**
 * Reads the spend of tokens (in total and in their current quota period) and groups, as the
 * balance records relays receive. "Current" is by billing's clock: a token whose latest period
 * spend lies in a period that has ended reports zero for the period that runs now.
 */
public final class BalanceRepository {

  private static final String TOKENS = """
      SELECT s.token_id, s.group_id, s.used_amount, s.request_count, s.period_type, s.period_anchor,
        p.period_start, p.used_amount AS period_used
      FROM token_spend s LEFT JOIN LATERAL (
        SELECT period_start, used_amount FROM token_period_spend p
        WHERE p.token_id = s.token_id AND p.period_type = s.period_type ORDER BY period_start DESC LIMIT 1
      ) p ON true
      """;
  private static final String TOKENS_BY_ID = TOKENS + " WHERE s.token_id = ANY($1::bigint[]) ORDER BY s.token_id";
  private static final String TOKENS_AFTER = TOKENS + " WHERE s.token_id > $1 ORDER BY s.token_id LIMIT $2";
  private static final String GROUPS = "SELECT group_id, used_amount, request_count FROM group_spend ";
  private static final String GROUPS_BY_ID = GROUPS + "WHERE group_id = ANY($1::text[]) ORDER BY group_id";
  private static final String GROUPS_AFTER = GROUPS + "WHERE group_id > $1 ORDER BY group_id LIMIT $2";

  private final Pool pool;
  private final Clock clock;

  public BalanceRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Billing's clock, epoch milliseconds. */
  public long now() {
    return clock.millis();
  }

  public Future<List<TokenBalance>> tokens(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return read(TOKENS_BY_ID, Tuple.of(ids.toArray(Long[]::new)), this::token);
  }

  /** Up to {@code limit} tokens with an id above {@code afterId}, in id order. */
  public Future<List<TokenBalance>> tokensAfter(long afterId, int limit) {
    return read(TOKENS_AFTER, Tuple.of(afterId, limit), this::token);
  }

  public Future<List<GroupBalance>> groups(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return read(GROUPS_BY_ID, Tuple.of(ids.toArray(String[]::new)), BalanceRepository::group);
  }

  /** Up to {@code limit} groups with an id after {@code afterId}, in id order. */
  public Future<List<GroupBalance>> groupsAfter(String afterId, int limit) {
    return read(GROUPS_AFTER, Tuple.of(afterId, limit), BalanceRepository::group);
  }

  private <T> Future<List<T>> read(String sql, Tuple params, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(params).map(rows -> map(rows, mapper));
  }

  /** The latest period's spend while that period runs (or lies ahead of billing's clock), else zero for the current one. */
  private TokenBalance token(Row row) {
    QuotaPeriod period = QuotaPeriod.of(row.getString("period_type"));
    long current = period.start(millis(row.getOffsetDateTime("period_anchor")), now());
    OffsetDateTime latest = row.getOffsetDateTime("period_start");
    boolean running = latest != null && millis(latest) >= current;
    return new TokenBalance(row.getLong("token_id"), row.getString("group_id"), row.getBigDecimal("used_amount"),
        row.getLong("request_count"), period.type(), running ? millis(latest) : current,
        running ? row.getBigDecimal("period_used") : BigDecimal.ZERO);
  }

  private static GroupBalance group(Row row) {
    return new GroupBalance(row.getString("group_id"), row.getBigDecimal("used_amount"), row.getLong("request_count"));
  }

  private static long millis(OffsetDateTime time) {
    return time.toInstant().toEpochMilli();
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> items = new ArrayList<>(rows.size());
    rows.forEach(row -> items.add(mapper.apply(row)));
    return items;
  }
}
