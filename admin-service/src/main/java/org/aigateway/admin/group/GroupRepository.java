package org.aigateway.admin.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes of the {@code groups} table; reads go through the shared ConfigReader. */
public final class GroupRepository {

  private static final String INSERT = "INSERT INTO groups "
      + "(id, status, rpm_ratio, tpm_ratio, available_sets, balance_alert_enabled, balance_alert_threshold) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7)";
  private static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT (id) DO NOTHING";
  private static final String UPDATE = "UPDATE groups SET status = $2, rpm_ratio = $3, tpm_ratio = $4, "
      + "available_sets = $5, balance_alert_enabled = $6, balance_alert_threshold = $7 WHERE id = $1";
  private static final String UPDATE_STATUS = "UPDATE groups SET status = $2 WHERE id = $1";
  private static final String DELETE_TOKENS = "DELETE FROM tokens WHERE group_id = $1 RETURNING id";
  private static final String DELETE = "DELETE FROM groups WHERE id = $1";

  private final Pool pool;

  public GroupRepository(Pool pool) {
    this.pool = pool;
  }

  /** Fails with a unique violation when the group exists. */
  public Future<Void> insert(String id, GroupDraft draft) {
    return pool.preparedQuery(INSERT).execute(draft.toTuple(id)).mapEmpty();
  }

  /** Creates the group with default settings unless it exists; whether it was created. */
  public Future<Boolean> insertIfAbsent(String id) {
    return pool.preparedQuery(INSERT_IF_ABSENT).execute(GroupDraft.DEFAULTS.toTuple(id))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> update(String id, GroupDraft draft) {
    return pool.preparedQuery(UPDATE).execute(draft.toTuple(id)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> updateStatus(String id, int status) {
    return pool.preparedQuery(UPDATE_STATUS).execute(Tuple.of(id, status)).map(rows -> rows.rowCount() == 1);
  }

  /** Deletes the group and its tokens in one transaction; the deleted token ids, empty if no such group. */
  public Future<Optional<List<Long>>> delete(String id) {
    return pool.withTransaction(conn -> deleteTokens(conn, id)
        .compose(tokenIds -> conn.preparedQuery(DELETE).execute(Tuple.of(id))
            .map(rows -> rows.rowCount() == 1 ? Optional.of(tokenIds) : Optional.<List<Long>>empty())));
  }

  private static Future<List<Long>> deleteTokens(SqlConnection conn, String id) {
    return conn.preparedQuery(DELETE_TOKENS).execute(Tuple.of(id)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getLong(0)));
      return ids;
    });
  }
}
