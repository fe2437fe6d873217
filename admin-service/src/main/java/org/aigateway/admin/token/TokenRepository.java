package org.aigateway.admin.token;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Writes of the {@code tokens} table; reads go through the shared ConfigReader. */
public final class TokenRepository {

  private static final String INSERT = "INSERT INTO tokens "
      + "(group_id, key, name, subnets, models, status, quota, period_quota, period_type) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
  private static final String UPDATE = "UPDATE tokens SET name = $3, subnets = $4, models = $5, status = $6, "
      + "quota = $7, period_quota = $8, period_type = $9 WHERE id = $1 AND group_id = $2";
  private static final String UPDATE_STATUS = "UPDATE tokens SET status = $3 WHERE id = $1 AND group_id = $2";
  private static final String DELETE = "DELETE FROM tokens WHERE id = $1 AND group_id = $2";

  private final Pool pool;

  public TokenRepository(Pool pool) {
    this.pool = pool;
  }

  /** The new token's id; a unique violation when the group already has a token of that name. */
  public Future<Long> insert(String group, String key, TokenDraft draft) {
    return pool.preparedQuery(INSERT).execute(draft.addTo(Tuple.of(group, key)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Boolean> update(String group, long id, TokenDraft draft) {
    return pool.preparedQuery(UPDATE).execute(draft.addTo(Tuple.of(id, group))).map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> updateStatus(String group, long id, int status) {
    return pool.preparedQuery(UPDATE_STATUS).execute(Tuple.of(id, group, status)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> delete(String group, long id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, group)).map(rows -> rows.rowCount() == 1);
  }
}
