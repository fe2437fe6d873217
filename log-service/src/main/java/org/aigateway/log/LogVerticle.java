package org.aigateway.log;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.aigateway.log.query.LogQueryConsumer;
import org.aigateway.log.query.LogSearchRepository;
import org.aigateway.log.write.LogRecordConsumer;
import org.aigateway.log.write.RequestLogRepository;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.UsageBatchCodec;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.runtime.http.ServiceServer;

/**
 * log-service: stores the relays' usage batches as request logs (idempotent by request id) and
 * answers log searches, both over the event bus; serves health routes on {@code LOG_PORT}.
 */
public class LogVerticle extends VerticleBase {

  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "db/log/V1__logs.sql"));

  private Pool pool;
  private ServiceServer server;

  @Override
  public Future<?> start() {
    LogConfig config = LogConfig.from(Settings.load(config()));
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

  private Future<Void> migrate(LogConfig config) {
    return config.migrate() ? new Migrator(vertx, pool, "log").migrate(MIGRATIONS) : Future.succeededFuture();
  }

  private Future<Void> registerConsumers() {
    EventBus bus = vertx.eventBus();
    UsageBatchCodec.register(bus);
    LogRecordConsumer records = new LogRecordConsumer(new RequestLogRepository(pool));
    LogQueryConsumer queries = new LogQueryConsumer(new LogSearchRepository(pool));
    return Future.all(
        bus.consumer(Addresses.LOG_RECORD, records::handle).completion(),
        bus.consumer(Addresses.LOG_QUERY, queries::handle).completion()).mapEmpty();
  }

}
