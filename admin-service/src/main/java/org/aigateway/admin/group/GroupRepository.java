package org.aigateway.admin.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Writes of the {@code groups} table; reads go through the shared ConfigReader. */
public final class GroupRepository {

  private static final String INSERT = "INSERT INTO groups (id, status, rpm_ratio, tpm_ratio, available_sets, "
      + "balance_alert_enabled, balance_alert_threshold, balance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
  private static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT (id) DO NOTHING";
  private static final String UPDATE = "UPDATE groups SET status = $2, rpm_ratio = $3, tpm_ratio = $4, "
      + "available_sets = $5, balance_alert_enabled = $6, balance_alert_threshold = $7, balance = $8 WHERE id = $1";
  private static final String UPDATE_STATUS = "UPDATE groups SET status = $2 WHERE id = $1";
  private static final String TOP_UP = "UPDATE groups SET balance = balance + $2 WHERE id = $1 AND balance IS NOT NULL";
  private static final String DELETE_TOKENS = "DELETE FROM tokens WHERE group_id = $1 RETURNING id";
  private static final String DELETE_MODEL_CONFIGS = "DELETE FROM group_model_configs WHERE group_id = $1 RETURNING model";
  private static final String DELETE = "DELETE FROM groups WHERE id = $1";

  private final Pool pool;

  public GroupRepository(Pool pool) {
    this.pool = pool;
  }

  /** What deleting a group deleted with it. */
  public record Deleted(List<Long> tokenIds, List<String> models) {
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

  /** Adds {@code amount} to the balance in one statement; false when there is no such group or it has no limit. */
  public Future<Boolean> topUp(String id, BigDecimal amount) {
    return pool.preparedQuery(TOP_UP).execute(Tuple.of(id, amount)).map(rows -> rows.rowCount() == 1);
  }

  /** Deletes the group, its tokens and model configs in one transaction; empty if no such group. */
  public Future<Optional<Deleted>> delete(String id) {
    return pool.withTransaction(conn -> column(conn, DELETE_TOKENS, id, row -> row.getLong(0))
        .compose(tokenIds -> column(conn, DELETE_MODEL_CONFIGS, id, row -> row.getString(0))
            .map(models -> new Deleted(tokenIds, models)))
        .compose(deleted -> conn.preparedQuery(DELETE).execute(Tuple.of(id))
            .map(rows -> rows.rowCount() == 1 ? Optional.of(deleted) : Optional.<Deleted>empty())));
  }

  private static <T> Future<List<T>> column(SqlConnection conn, String sql, String id, Function<Row, T> value) {
    return conn.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
      List<T> values = new ArrayList<>();
      rows.forEach(row -> values.add(value.apply(row)));
      return values;
    });
  }
}
