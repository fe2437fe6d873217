package org.aigateway.billing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import org.aigateway.billing.balance.BalancePublisher;
import org.aigateway.billing.balance.BalanceQueryConsumer;
import org.aigateway.billing.balance.BalanceRepository;
import org.aigateway.billing.ledger.BillingRecordConsumer;
import org.aigateway.billing.ledger.LedgerRepository;
import org.aigateway.billing.spend.SpendQueryConsumer;
import org.aigateway.billing.spend.SpendRepository;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.UsageBatchCodec;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.runtime.http.ServiceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * billing-service: applies the relays' usage batches to token, token-period and group spend exactly
 * once per request id and publishes the new balances; answers spend and balance lookups, all over
 * the event bus; serves health routes on {@code BILLING_PORT}. The clock decides which quota period
 * is current (tests inject one).
 */
public class BillingVerticle extends VerticleBase {

  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "db/billing/V1__billing.sql"),
      new Migration(2, "db/billing/V2__period_spend.sql"));

  private static final Logger LOG = LoggerFactory.getLogger(BillingVerticle.class);

  private final Clock clock;
  private Pool pool;
  private ServiceServer server;

  public BillingVerticle() {
    this(Clock.systemUTC());
  }

  public BillingVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    BillingConfig config = BillingConfig.from(Settings.load(config()));
    pool = Databases.pool(vertx, config.dsn(), config.poolSize());
    if (!config.enabled()) {
      LOG.warn("BILLING_ENABLED=false: requests are recorded and counted, but nothing is charged");
    }
    return migrate(config)
        .compose(v -> registerConsumers(config))
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

  private Future<Void> registerConsumers(BillingConfig config) {
    EventBus bus = vertx.eventBus();
    UsageBatchCodec.register(bus);
    BalanceRepository balances = new BalanceRepository(pool, clock);
    BillingRecordConsumer records = new BillingRecordConsumer(new LedgerRepository(pool),
        new BalancePublisher(balances, bus), config.enabled());
    SpendQueryConsumer spends = new SpendQueryConsumer(new SpendRepository(pool));
    BalanceQueryConsumer balanceQueries = new BalanceQueryConsumer(balances);
    return Future.all(
        bus.consumer(Addresses.BILLING_RECORD, records::handle).completion(),
        bus.consumer(Addresses.BILLING_SPEND_QUERY, spends::handle).completion(),
        bus.consumer(Addresses.BILLING_BALANCE_QUERY, balanceQueries::handle).completion()).mapEmpty();
  }

}
