package org.aigateway.log.query;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.aigateway.protocol.command.LogPage;
import org.aigateway.protocol.command.LogQuery;

/** Searches the stored request logs: one page, newest first unless asked otherwise, and the total. */
public final class LogSearchRepository {

  static final int MAX_PER_PAGE = 1000;

  private static final String SELECT = "SELECT " + LogRowJson.COLUMNS + " FROM logs";
  private static final String COUNT = "SELECT count(*) AS total FROM logs";
  private static final String NEWEST_FIRST = " ORDER BY request_at DESC, id DESC";
  private static final String OLDEST_FIRST = " ORDER BY request_at ASC, id ASC";

  private final Pool pool;

  public LogSearchRepository(Pool pool) {
    this.pool = pool;
  }

  /** One page of logs and the total; fails with {@link IllegalArgumentException} for an invalid query. */
  public Future<LogPage> search(LogQuery query) {
    LogFilter filter;
    try {
      filter = LogFilter.of(query);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    int perPage = Math.min(Math.max(query.perPage(), 1), MAX_PER_PAGE);
    long offset = (long) (Math.max(query.page(), 1) - 1) * perPage;
    int limitParam = filter.nextParam();
    String pageSql = SELECT + filter.where() + (query.ascending() ? OLDEST_FIRST : NEWEST_FIRST)
        + " LIMIT $" + limitParam + " OFFSET $" + (limitParam + 1);
    Future<RowSet<Row>> page = pool.preparedQuery(pageSql).execute(filter.params(perPage, offset));
    Future<RowSet<Row>> count = pool.preparedQuery(COUNT + filter.where()).execute(filter.params());
    return Future.all(page, count).map(done -> new LogPage(logs(page.result()),
        count.result().iterator().next().getLong("total")));
  }

  private static JsonArray logs(RowSet<Row> rows) {
    JsonArray logs = new JsonArray();
    rows.forEach(row -> logs.add(LogRowJson.from(row)));
    return logs;
  }
}
