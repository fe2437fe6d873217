package org.aigateway.runtime.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a read until the tables it needs exist: a service that reads another service's data
 * may start before the owner has migrated its schema.
 */
public final class SchemaWait {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaWait.class);
  private static final String UNDEFINED_TABLE = "42P01";

  private SchemaWait() {
  }

  /** Runs {@code read}, retrying every {@code delayMs} while it fails for a missing table or connection. */
  public static <T> Future<T> retry(Vertx vertx, Supplier<Future<T>> read, long delayMs, int attempts) {
    return read.get().recover(err -> {
      if (attempts <= 1 || !isTransient(err)) {
        return Future.failedFuture(err);
      }
      LOG.info("Schema or database not ready yet ({}); retrying in {} ms", err.getMessage(), delayMs);
      return vertx.timer(delayMs).compose(t -> retry(vertx, read, delayMs, attempts - 1));
    });
  }

  private static boolean isTransient(Throwable err) {
    if (err instanceof PgException pg) {
      return UNDEFINED_TABLE.equals(pg.getSqlState());
    }
    return !(err instanceof IllegalArgumentException);
  }
}
