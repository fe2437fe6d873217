package org.aigateway.billing.spend;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendQuery;
import org.aigateway.protocol.command.SpendReport;

/** Reads the running spend of tokens and groups. */
public final class SpendRepository {

  private static final String TOKENS =
      "SELECT token_id, used_amount, request_count FROM token_spend WHERE token_id = ANY($1::bigint[])";
  private static final String GROUPS =
      "SELECT group_id, used_amount, request_count FROM group_spend WHERE group_id = ANY($1::text[])";

  private final Pool pool;

  public SpendRepository(Pool pool) {
    this.pool = pool;
  }

  /** The spend of the asked tokens and groups; those never billed are absent. */
  public Future<SpendReport> report(SpendQuery query) {
    Future<Map<Long, Spend>> tokens = query.tokenIds().isEmpty() ? Future.succeededFuture(Map.of())
        : pool.preparedQuery(TOKENS).execute(Tuple.of(query.tokenIds().toArray(Long[]::new)))
            .map(rows -> spends(rows, row -> row.getLong("token_id")));
    Future<Map<String, Spend>> groups = query.groupIds().isEmpty() ? Future.succeededFuture(Map.of())
        : pool.preparedQuery(GROUPS).execute(Tuple.of(query.groupIds().toArray(String[]::new)))
            .map(rows -> spends(rows, row -> row.getString("group_id")));
    return Future.all(tokens, groups).map(done -> new SpendReport(tokens.result(), groups.result()));
  }

  private static <K> Map<K, Spend> spends(RowSet<Row> rows, Function<Row, K> key) {
    Map<K, Spend> spends = new HashMap<>();
    for (Row row : rows) {
      spends.put(key.apply(row), new Spend(row.getBigDecimal("used_amount"), row.getLong("request_count")));
    }
    return Map.copyOf(spends);
  }
}
