package org.aigateway.admin.token;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Writes of the {@code tokens} table; reads go through the shared ConfigReader. */
public final class TokenRepository {

  private static final String INSERT = "INSERT INTO tokens "
      + "(group_id, key, name, subnets, models, status, quota, period_quota, period_type, rpm, tpm) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
  private static final String UPDATE = "UPDATE tokens SET name = $3, subnets = $4, models = $5, status = $6, "
      + "quota = $7, period_quota = $8, period_type = $9, rpm = $10, tpm = $11 WHERE id = $1 AND group_id = $2";
  private static final String UPDATE_STATUS = "UPDATE tokens SET status = $3 WHERE id = $1 AND group_id = $2";
  private static final String DELETE = "DELETE FROM tokens WHERE id = $1 AND group_id = $2";
  private static final String LOCK_GROUP = "SELECT 1 FROM groups WHERE id = $1 FOR UPDATE";
  private static final String COUNT = "SELECT count(*) FROM tokens WHERE group_id = $1";

  private final Pool pool;

  public TokenRepository(Pool pool) {
    this.pool = pool;
  }

  /** The new token's id; a unique violation when the group already has a token of that name. */
  public Future<Long> insert(String group, String key, TokenDraft draft) {
    return pool.preparedQuery(INSERT).execute(draft.addTo(Tuple.of(group, key)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * Inserts unless the group already has {@code maxPerGroup} tokens (0: no limit): the new id, or
   * empty when the group is full. The group's row is locked meanwhile, so concurrent creations
   * cannot exceed the limit together.
   */
  public Future<Optional<Long>> insertWithin(String group, String key, TokenDraft draft, int maxPerGroup) {
    if (maxPerGroup <= 0) {
      return insert(group, key, draft).map(Optional::of);
    }
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_GROUP).execute(Tuple.of(group))
        .compose(locked -> conn.preparedQuery(COUNT).execute(Tuple.of(group)))
        .compose(rows -> rows.iterator().next().getLong(0) >= maxPerGroup
            ? Future.succeededFuture(Optional.<Long>empty())
            : conn.preparedQuery(INSERT).execute(draft.addTo(Tuple.of(group, key)))
                .map(inserted -> Optional.of(inserted.iterator().next().getLong(0)))));
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
