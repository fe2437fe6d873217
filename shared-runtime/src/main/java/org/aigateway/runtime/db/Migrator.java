package org.aigateway.runtime.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a service's versioned migrations once. Each step runs in its own transaction under an
 * advisory lock keyed by the service name, so replicas starting together apply it exactly once
 * and a second start is a no-op.
 */
public final class Migrator {

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  private static final String CREATE_TABLE = """
      CREATE TABLE schema_migrations (
        service text NOT NULL,
        version int NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (service, version))""";
  private static final String LOCK_TABLE = "SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))";
  private static final String TABLE_EXISTS = "SELECT to_regclass('schema_migrations') IS NOT NULL";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext($1))";
  private static final String APPLIED = "SELECT 1 FROM schema_migrations WHERE service = $1 AND version = $2";
  private static final String RECORD = "INSERT INTO schema_migrations (service, version) VALUES ($1, $2)";

  private final Vertx vertx;
  private final Pool pool;
  private final String service;

  public Migrator(Vertx vertx, Pool pool, String service) {
    this.vertx = vertx;
    this.pool = pool;
    this.service = service;
  }

  /** Applies the steps not yet applied, in order. */
  public Future<Void> migrate(List<Migration> migrations) {
    Future<Void> chain = pool.withTransaction(conn -> conn.query(LOCK_TABLE).execute()
        .compose(r -> conn.query(TABLE_EXISTS).execute())
        .compose(rows -> rows.iterator().next().getBoolean(0)
            ? Future.<Void>succeededFuture()
            : conn.query(CREATE_TABLE).execute().<Void>mapEmpty()));
    for (Migration migration : migrations) {
      chain = chain.compose(v -> apply(migration));
    }
    return chain;
  }

  private Future<Void> apply(Migration migration) {
    return vertx.executeBlocking(() -> read(migration.resource()))
        .compose(sql -> pool.withTransaction(conn -> applyLocked(conn, migration, sql)));
  }

  private Future<Void> applyLocked(SqlConnection conn, Migration migration, String sql) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(service))
        .compose(r -> conn.preparedQuery(APPLIED).execute(Tuple.of(service, migration.version())))
        .compose(rows -> {
          if (rows.size() > 0) {
            return Future.<Void>succeededFuture();
          }
          LOG.info("Applying {} migration {} ({})", service, migration.version(), migration.resource());
          return conn.query(sql).execute()
              .compose(r -> conn.preparedQuery(RECORD).execute(Tuple.of(service, migration.version())))
              .mapEmpty();
        });
  }

  private static String read(String resource) {
    try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
