package org.aigateway.admin.groupmodel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Writes of the {@code group_model_configs} table; reads go through the shared ConfigReader. */
public final class GroupModelConfigRepository {

  private static final String UPSERT = "INSERT INTO group_model_configs (group_id, model, override_limit, rpm, tpm, "
      + "override_price, price, override_retry_times, retry_times, override_timeout, timeout_config) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      + "ON CONFLICT (group_id, model) DO UPDATE SET override_limit = EXCLUDED.override_limit, rpm = EXCLUDED.rpm, "
      + "tpm = EXCLUDED.tpm, override_price = EXCLUDED.override_price, price = EXCLUDED.price, "
      + "override_retry_times = EXCLUDED.override_retry_times, retry_times = EXCLUDED.retry_times, "
      + "override_timeout = EXCLUDED.override_timeout, timeout_config = EXCLUDED.timeout_config, updated_at = now()";
  private static final String DELETE = "DELETE FROM group_model_configs WHERE group_id = $1 AND model = ANY($2) "
      + "RETURNING model";

  private final Pool pool;

  public GroupModelConfigRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts or replaces every config in one transaction; a missing group is a foreign-key violation. */
  public Future<Void> upsertAll(String group, List<GroupModelConfigDraft> drafts) {
    if (drafts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = drafts.stream().map(draft -> draft.toTuple(group)).toList();
    return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).executeBatch(rows)).mapEmpty();
  }

  /** Deletes the group's configs of {@code models}; the models that had one. */
  public Future<List<String>> delete(String group, List<String> models) {
    Tuple params = Tuple.tuple().addString(group).addArrayOfString(models.toArray(String[]::new));
    return pool.preparedQuery(DELETE).execute(params).map(rows -> {
      List<String> deleted = new ArrayList<>();
      rows.forEach(row -> deleted.add(row.getString(0)));
      return deleted;
    });
  }
}
