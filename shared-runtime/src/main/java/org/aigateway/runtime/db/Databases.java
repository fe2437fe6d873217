package org.aigateway.runtime.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds PostgreSQL pools from the DSNs of the settings ({@code postgres://user:pw@host:port/db}). */
public final class Databases {

  private Databases() {
  }

  /** A pool of at most {@code maxSize} connections to {@code dsn}. */
  public static Pool pool(Vertx vertx, String dsn, int maxSize) {
    if (dsn == null || dsn.isBlank()) {
      throw new IllegalArgumentException("SQL_DSN is required when a service runs alone");
    }
    PgConnectOptions connect = PgConnectOptions.fromUri(normalise(dsn)).setPipeliningLimit(256);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setShared(false))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  /** Accepts the {@code postgresql://} spelling and a trailing query such as {@code ?sslmode=disable}. */
  static String normalise(String dsn) {
    String uri = dsn.startsWith("postgresql://") ? "postgres://" + dsn.substring("postgresql://".length()) : dsn;
    int query = uri.indexOf("?sslmode=disable");
    return query < 0 ? uri : uri.substring(0, query);
  }
}
