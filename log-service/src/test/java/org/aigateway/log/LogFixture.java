package org.aigateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestDatabases;

/** A log-service deployed on a fresh database, with helpers to talk to it over the bus and read its tables. */
final class LogFixture {

  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);

  final Vertx vertx;
  final String dsn;
  final Pool pool;
  final LogVerticle verticle = new LogVerticle();

  private LogFixture(Vertx vertx, String dsn) {
    this.vertx = vertx;
    this.dsn = dsn;
    this.pool = Databases.pool(vertx, dsn, 2);
  }

  /** A fresh database and a deployed log-service without an HTTP port. */
  static LogFixture start(Vertx vertx) {
    return fresh(vertx).deployed(new JsonObject().put("LOG_PORT", -1));
  }

  /** A fresh database, nothing deployed yet. */
  static LogFixture fresh(Vertx vertx) {
    return new LogFixture(vertx, TestDatabases.freshDatabase(vertx));
  }

  /** Deploys {@link #verticle} with {@code config} plus {@code LOG_SQL_DSN} of this database. */
  LogFixture deployed(JsonObject config) {
    deploy(verticle, config.copy().put("LOG_SQL_DSN", dsn));
    return this;
  }

  String deploy(LogVerticle instance, JsonObject config) {
    return Await.result(vertx.deployVerticle(instance, new DeploymentOptions().setConfig(config)));
  }

  /** Whether {@code table} exists in this database. */
  boolean hasTable(String table) {
    return sql("SELECT to_regclass($1) IS NOT NULL", table).iterator().next().getBoolean(0);
  }

  JsonObject send(String address, List<RelayCompleted> events) {
    return request(address, new UsageBatch(events));
  }

  JsonObject request(String address, Object body) {
    Message<Object> reply = Await.result(vertx.eventBus().request(address, body, TIMEOUT));
    return (JsonObject) reply.body();
  }

  /** The failure of a request that must fail. */
  ReplyException failure(String address, Object body) {
    Future<Message<Object>> sent = vertx.eventBus().request(address, body, TIMEOUT);
    Throwable err = Await.result(sent.transform(ar -> Future.succeededFuture(ar.cause())));
    assertThat(err).as("the request must fail").isInstanceOf(ReplyException.class);
    return (ReplyException) err;
  }

  RowSet<Row> sql(String sql, Object... params) {
    return Await.result(pool.preparedQuery(sql).execute(Tuple.from(params)));
  }

  long count(String sql, Object... params) {
    return sql(sql, params).iterator().next().getLong(0);
  }

  void close() {
    Await.result(pool.close());
  }
}
