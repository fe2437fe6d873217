package org.aigateway.log.write;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.aigateway.protocol.event.RelayCompleted;

/** Stores request logs and their bodies, idempotently by request id. */
public final class RequestLogRepository {

  private final Pool pool;

  public RequestLogRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores a batch in one statement (so all of it or none of it); rows whose request id is already
   * stored are skipped. The request ids of {@code events} must be distinct.
   *
   * @return how many rows were new
   */
  public Future<Integer> insert(List<RelayCompleted> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.preparedQuery(LogSql.INSERT_BATCH)
        .execute(LogBatchParams.of(events))
        .map(rows -> rows.iterator().next().getLong("stored").intValue());
  }
}
