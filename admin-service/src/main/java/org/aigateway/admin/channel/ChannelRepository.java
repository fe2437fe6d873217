package org.aigateway.admin.channel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Writes of the {@code channels} table; reads go through the shared ConfigReader. */
public final class ChannelRepository {

  private static final String INSERT = "INSERT INTO channels "
      + "(type, name, key, base_url, models, model_mapping, priority, status, sets, enabled_no_permission_ban, "
      + "max_error_rate) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
  private static final String UPDATE = "UPDATE channels SET type = $1, name = $2, key = $3, base_url = $4, "
      + "models = $5, model_mapping = $6, priority = $7, status = $8, sets = $9, enabled_no_permission_ban = $10, "
      + "max_error_rate = $11 WHERE id = $12";
  private static final String UPDATE_STATUS = "UPDATE channels SET status = $2 WHERE id = $1";
  private static final String DELETE = "DELETE FROM channels WHERE id = $1";

  private final Pool pool;

  public ChannelRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts all drafts in one transaction; the ids come back in the drafts' order. */
  public Future<List<Integer>> insertAll(List<ChannelDraft> drafts) {
    List<Tuple> rows = drafts.stream().map(ChannelDraft::toTuple).toList();
    return pool.withTransaction(conn -> conn.preparedQuery(INSERT).executeBatch(rows))
        .map(ChannelRepository::ids);
  }

  /** Whether a channel with this id existed and was replaced. */
  public Future<Boolean> update(int id, ChannelDraft draft) {
    return pool.preparedQuery(UPDATE).execute(draft.toTuple().addValue(id)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> updateStatus(int id, int status) {
    return pool.preparedQuery(UPDATE_STATUS).execute(Tuple.of(id, status)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> delete(int id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
  }

  private static List<Integer> ids(RowSet<Row> batch) {
    List<Integer> ids = new ArrayList<>();
    for (RowSet<Row> rows = batch; rows != null; rows = rows.next()) {
      rows.forEach(row -> ids.add(row.getInteger(0)));
    }
    return ids;
  }
}
