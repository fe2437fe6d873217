package org.aigateway.admin.modelconfig;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Writes of the {@code model_configs} table; reads go through the shared ConfigReader. */
public final class ModelConfigRepository {

  private static final String UPSERT = "INSERT INTO model_configs "
      + "(model, owner, type, rpm, tpm, retry_times, timeout_config, price, config, plugin) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
      + "ON CONFLICT (model) DO UPDATE SET owner = EXCLUDED.owner, type = EXCLUDED.type, rpm = EXCLUDED.rpm, "
      + "tpm = EXCLUDED.tpm, retry_times = EXCLUDED.retry_times, timeout_config = EXCLUDED.timeout_config, "
      + "price = EXCLUDED.price, config = EXCLUDED.config, plugin = EXCLUDED.plugin, updated_at = now()";
  private static final String DELETE = "DELETE FROM model_configs WHERE model = $1";

  private final Pool pool;

  public ModelConfigRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts or replaces every config in one transaction. */
  public Future<Void> upsertAll(List<ModelConfigDraft> drafts) {
    if (drafts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = drafts.stream().map(ModelConfigDraft::toTuple).toList();
    return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).executeBatch(rows)).mapEmpty();
  }

  public Future<Boolean> delete(String model) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(model)).map(rows -> rows.rowCount() == 1);
  }
}
