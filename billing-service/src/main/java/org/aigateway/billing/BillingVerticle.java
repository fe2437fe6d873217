package org.aigateway.billing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.aigateway.billing.ledger.BillingRecordConsumer;
import org.aigateway.billing.ledger.LedgerRepository;
import org.aigateway.billing.spend.SpendQueryConsumer;
import org.aigateway.billing.spend.SpendRepository;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.runtime.http.ServiceServer;

/**
 * billing-service: applies the relays' usage batches to token and group spend exactly once per
 * request id, and answers spend lookups, both over the event bus; serves health routes on
 * {@code BILLING_PORT}.
 */
public class BillingVerticle extends VerticleBase {

  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "db/billing/V1__billing.sql"));

  private Pool pool;
  private ServiceServer server;

  @Override
  public Future<?> start() {
    BillingConfig config = BillingConfig.from(Settings.load(config()));
    pool = Databases.pool(vertx, config.dsn(), config.poolSize());
    return migrate(config)
        .compose(v -> registerConsumers())
        .compose(v -> ServiceServer.start(vertx, config.port(), () -> pool.query("SELECT 1").execute(), router -> { }))
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  /** The port the health server listens on, -1 when there is none. */
  public int httpPort() {
    return server == null ? ServiceServer.NONE : server.port();
  }

  private Future<Void> migrate(BillingConfig config) {
    return config.migrate() ? new Migrator(vertx, pool, "billing").migrate(MIGRATIONS) : Future.succeededFuture();
  }

  private Future<Void> registerConsumers() {
    EventBus bus = vertx.eventBus();
    BillingRecordConsumer records = new BillingRecordConsumer(new LedgerRepository(pool));
    SpendQueryConsumer spends = new SpendQueryConsumer(new SpendRepository(pool));
    return Future.all(
        bus.consumer(Addresses.BILLING_RECORD, records::handle).completion(),
        bus.consumer(Addresses.BILLING_SPEND_QUERY, spends::handle).completion()).mapEmpty();
  }

}
