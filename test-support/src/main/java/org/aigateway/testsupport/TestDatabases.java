package org.aigateway.testsupport;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.aigateway.runtime.db.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL server tests run against: {@code GATEWAY_TEST_PG_URI} when set, else a
 * Testcontainers PostgreSQL when Docker works, else the local server on 127.0.0.1:5432 (database
 * {@code test}, user {@code postgres}, trust auth). A missing server fails the tests.
 * Each test class takes a fresh database of its own so that classes never see each other's rows.
 */
public final class TestDatabases {

  private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
  private static final String LOCAL = "postgres://postgres@127.0.0.1:5432/test";
  private static final String LEFTOVERS = "SELECT datname FROM pg_database WHERE datname LIKE 'gw\\_%'";
  /** Databases younger than this may belong to a test run still going on in another JVM. */
  private static final long LEFTOVER_AGE_SECONDS = 3 * 3600;
  private static String serverDsn;
  private static boolean leftoversDropped;

  private TestDatabases() {
  }

  /** A DSN of the test server's maintenance database. */
  public static synchronized String serverDsn() {
    if (serverDsn == null) {
      serverDsn = resolveServer();
    }
    return serverDsn;
  }

  /**
   * Drops the databases earlier test runs left behind: those created more than three hours ago (a
   * younger one may belong to another JVM's run that has not connected yet); one still in use
   * refuses the drop and is kept. Called once per JVM, before its first fresh database.
   */
  private static void dropLeftovers(Pool admin) {
    List<String> names = Await.result(admin.query(LEFTOVERS).execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getString(0)).toList()));
    long cutoff = System.currentTimeMillis() / 1000 - LEFTOVER_AGE_SECONDS;
    for (String name : names) {
      if (createdAt(name) > cutoff) {
        continue;
      }
      admin.query("DROP DATABASE IF EXISTS " + name).execute()
          .onFailure(err -> LOG.debug("Kept {}: {}", name, err.getMessage()));
    }
  }

  /**
   * The creation time (epoch seconds) in a test database's name; 0 for the earlier scheme
   * ({@code gw_} and 16 hex digits); never-old for any other name, which is not a test database.
   */
  private static long createdAt(String name) {
    String[] parts = name.split("_");
    if (parts.length == 2 && parts[1].matches("[0-9a-f]{16}")) {
      return 0;
    }
    try {
      return parts.length == 3 ? Long.parseLong(parts[1]) : Long.MAX_VALUE;
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Creates an empty database and returns its DSN. */
  public static synchronized String freshDatabase(Vertx vertx) {
    String name = "gw_" + System.currentTimeMillis() / 1000 + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Pool admin = Databases.pool(vertx, serverDsn(), 1);
    try {
      if (!leftoversDropped) {
        leftoversDropped = true;
        dropLeftovers(admin);
      }
      Await.result(admin.query("CREATE DATABASE " + name).execute());
    } finally {
      admin.close();
    }
    String server = serverDsn();
    return server.substring(0, server.lastIndexOf('/') + 1) + name;
  }

  private static String resolveServer() {
    String fromEnv = System.getenv("GATEWAY_TEST_PG_URI");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return "postgres://" + container.getUsername() + ":" + container.getPassword() + "@"
          + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName();
    }
    LOG.info("No Docker and no GATEWAY_TEST_PG_URI: using the local PostgreSQL at {}", LOCAL);
    return LOCAL;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
