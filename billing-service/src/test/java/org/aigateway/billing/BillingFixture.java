package org.aigateway.billing;

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
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.command.SpendQuery;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestDatabases;

/** A billing-service on a fresh database, with helpers to talk to it over the bus and read its tables. */
final class BillingFixture {

  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);

  final Vertx vertx;
  final String dsn;
  final Pool pool;
  final BillingVerticle verticle;

  private BillingFixture(Vertx vertx, String dsn, BillingVerticle verticle) {
    this.vertx = vertx;
    this.dsn = dsn;
    this.pool = Databases.pool(vertx, dsn, 2);
    this.verticle = verticle;
  }

  /** A fresh database and a deployed billing-service without an HTTP port. */
  static BillingFixture start(Vertx vertx) {
    return fresh(vertx).deployed(new JsonObject().put("BILLING_PORT", -1));
  }

  static BillingFixture fresh(Vertx vertx) {
    return fresh(vertx, new BillingVerticle());
  }

  /** A fresh database for {@code verticle} (e.g. one with a test clock), not yet deployed. */
  static BillingFixture fresh(Vertx vertx, BillingVerticle verticle) {
    return new BillingFixture(vertx, TestDatabases.freshDatabase(vertx), verticle);
  }

  /** Deploys {@link #verticle} with {@code config} plus {@code SQL_DSN} of this database. */
  BillingFixture deployed(JsonObject config) {
    deploy(verticle, config.copy().put("SQL_DSN", dsn));
    return this;
  }

  String deploy(BillingVerticle instance, JsonObject config) {
    return Await.result(vertx.deployVerticle(instance, new DeploymentOptions().setConfig(config)));
  }

  JsonObject bill(List<RelayCompleted> events) {
    return request(Addresses.BILLING_RECORD, new UsageBatch(events));
  }

  SpendReport spend(List<Long> tokens, List<String> groups) {
    return SpendReport.fromJson(request(Addresses.BILLING_SPEND_QUERY, new SpendQuery(tokens, groups).toJson()));
  }

  BalanceSnapshot balances(BalanceQuery query) {
    return BalanceSnapshot.fromJson(request(Addresses.BILLING_BALANCE_QUERY, query.toJson()));
  }

  /** Records every balance-changed event published from now on into {@code events}. */
  void recordBalanceEvents(List<BalanceChanged> events) {
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.BALANCE_CHANGED,
        message -> events.add(BalanceChanged.fromJson(message.body()))).completion());
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

  boolean hasTable(String table) {
    return sql("SELECT to_regclass($1) IS NOT NULL", table).iterator().next().getBoolean(0);
  }

  void close() {
    Await.result(pool.close());
  }
}
