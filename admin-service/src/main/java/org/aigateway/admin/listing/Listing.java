package org.aigateway.admin.listing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.Function;
import org.aigateway.admin.http.Paging;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/** Filtered, paged reads of a config table: rows through {@link ConfigReader}, plus the total count. */
public final class Listing {

  private final Pool pool;
  private final ConfigReader reader;

  public Listing(Pool pool, ConfigReader reader) {
    this.pool = pool;
    this.reader = reader;
  }

  /**
   * A page of {@code table} (read as {@code projection}, aliased {@code t}) matching {@code where},
   * sorted by {@code orderBy}.
   */
  public <T> Future<Page<T>> page(Projection projection, String table, Where where, String orderBy,
                                  Paging paging, Function<JsonObject, T> mapper) {
    int next = where.size() + 1;
    String clauses = where.sql() + " ORDER BY " + orderBy + " LIMIT $" + next + " OFFSET $" + (next + 1);
    Future<Long> total = pool.preparedQuery("SELECT count(*) FROM " + table + " t " + where.sql())
        .execute(where.params())
        .map(rows -> rows.iterator().next().getLong(0));
    Future<List<T>> items = reader.query(projection, clauses, where.params(paging.perPage(), paging.offset()), mapper);
    return Future.all(items, total).map(both -> new Page<>(items.result(), total.result()));
  }
}
