package org.aigateway.log;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.aigateway.log.query.LogQueryConsumer;
import org.aigateway.log.query.LogSearchRepository;
import org.aigateway.log.write.LogRecordConsumer;
import org.aigateway.log.write.RequestLogRepository;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.runtime.http.HealthRoutes;

/**
 * log-service: stores the relays' usage batches as request logs (idempotent by request id) and
 * answers log searches, both over the event bus; serves health routes on {@code LOG_PORT}.
 */
public class LogVerticle extends VerticleBase {

  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "db/log/V1__logs.sql"));

  private Pool pool;
  private HttpServer server;

  @Override
  public Future<?> start() {
    LogConfig config = LogConfig.from(Settings.load(config()));
    pool = Databases.pool(vertx, config.dsn(), config.poolSize());
    return migrate(config)
        .compose(v -> registerConsumers())
        .compose(v -> listen(config.port()));
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  /** The port the health server listens on, -1 when there is none. */
  public int httpPort() {
    return server == null ? -1 : server.actualPort();
  }

  private Future<Void> migrate(LogConfig config) {
    return config.migrate() ? new Migrator(vertx, pool, "log").migrate(MIGRATIONS) : Future.succeededFuture();
  }

  private Future<Void> registerConsumers() {
    EventBus bus = vertx.eventBus();
    LogRecordConsumer records = new LogRecordConsumer(new RequestLogRepository(pool));
    LogQueryConsumer queries = new LogQueryConsumer(new LogSearchRepository(pool));
    return Future.all(
        bus.consumer(Addresses.LOG_RECORD, records::handle).completion(),
        bus.consumer(Addresses.LOG_QUERY, queries::handle).completion()).mapEmpty();
  }

  private Future<Void> listen(int port) {
    if (port < 0) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, () -> pool.query("SELECT 1").execute());
    return vertx.createHttpServer().requestHandler(router).listen(port)
        .onSuccess(s -> server = s)
        .mapEmpty();
  }
}
