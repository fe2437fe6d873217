package org.aigateway.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.relay.http.RelayRoutes;
import org.aigateway.relay.limit.LimitConfig;
import org.aigateway.relay.limit.RateLimiters;
import org.aigateway.relay.monitor.ChannelHealth;
import org.aigateway.relay.monitor.MonitorConfig;
import org.aigateway.relay.outbox.OutboxConfig;
import org.aigateway.relay.outbox.UsageOutbox;
import org.aigateway.relay.quota.Quotas;
import org.aigateway.relay.responses.ResponseStore;
import org.aigateway.relay.responses.ResponseStoreConfig;
import org.aigateway.relay.responses.ResponseStores;
import org.aigateway.relay.snapshot.ChannelDefaults;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.SchemaWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay as a mountable API: its clients (database pool, upstream HTTP client, optional Redis),
 * the configuration snapshot kept current by config-changed events and a periodic resync, the usage
 * outbox, the admission machinery (rate limits, balances), the channel monitor (error rates, bans,
 * breakers; a changed channel starts afresh), and the {@code /v1} routes. Its own verticle or the
 * launcher serves it.
 */
public final class RelayApi {

  private static final Logger LOG = LoggerFactory.getLogger(RelayApi.class);
  private static final long SCHEMA_WAIT_MS = 1_000;
  private static final int SCHEMA_WAIT_ATTEMPTS = 300;

  private final Vertx vertx;
  private final RelayConfig config;
  private final Pool pool;
  private final HttpClient client;
  private final UsageOutbox outbox;
  private final Redis redis;
  private final SnapshotStore store;
  private final Quotas quotas;
  private final ResponseStore responses;
  private final MonitorConfig monitorConfig;
  private final ChannelHealth health;
  private MessageConsumer<JsonObject> changes;
  private long resyncTimer = -1;
  private RelayRoutes routes;

  private RelayApi(Vertx vertx, RelayConfig config, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.pool = Databases.pool(vertx, config.sqlDsn(), config.sqlPoolSize());
    this.client = upstreamClient(vertx, config);
    this.outbox = UsageOutbox.create(vertx, OutboxConfig.from(settings),
        List.of(Addresses.LOG_RECORD, Addresses.BILLING_RECORD));
    this.redis = config.redis().isEmpty() ? null
        : Redis.createClient(vertx, RateLimiters.redisOptions(config.redis(), LimitConfig.from(settings)));
    this.store = new SnapshotStore(new ConfigReader(pool), ChannelDefaults.from(settings));
    this.quotas = Quotas.create(vertx, settings, redis, clock);
    this.responses = ResponseStores.create(redis, ResponseStoreConfig.from(settings), clock);
    this.monitorConfig = MonitorConfig.from(settings);
    this.health = ChannelHealth.create(vertx, redis, monitorConfig, clock);
  }

  /** Builds the relay: loads the snapshot (waiting for admin's schema), starts the outbox. */
  public static Future<RelayApi> create(Vertx vertx, Settings settings) {
    return create(vertx, settings, Clock.systemUTC());
  }

  /** As {@link #create(Vertx, Settings)}, with the clock of request times, rate-limit windows and quota periods. */
  public static Future<RelayApi> create(Vertx vertx, Settings settings, Clock clock) {
    RelayApi api;
    try {
      api = new RelayApi(vertx, RelayConfig.from(settings), settings, clock);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return api.start()
        .map(v -> api)
        .recover(err -> api.close().transform(closed -> Future.failedFuture(err)));
  }

  private Future<Void> start() {
    changes = vertx.eventBus().consumer(Addresses.CONFIG_CHANGED, message -> onChange(message.body()));
    Future<TokenCounter> counter = vertx.executeBlocking(() -> new TokenCounter().warmUp());
    return changes.completion()
        .compose(v -> Future.all(SchemaWait.retry(vertx, store::resync, SCHEMA_WAIT_MS, SCHEMA_WAIT_ATTEMPTS),
            outbox.start(), counter, quotas.start()))
        .map(all -> {
          routes = RelayWiring.routes(vertx, config, store, client, outbox, counter.result(), quotas,
              responses, health, monitorConfig);
          resyncTimer = vertx.setPeriodic(config.resyncMs(), id -> resync());
          LOG.info("Relay ready: {} tokens in the snapshot", store.current().tokenCount());
          return null;
        });
  }

  /** Registers the OpenAI-compatible routes under {@code /v1}. */
  public void mount(Router router) {
    routes.mount(router);
  }

  /** Succeeds while the relay's dependencies answer (Redis, when configured; the snapshot is in memory). */
  public Future<?> ready() {
    if (redis == null) {
      return Future.succeededFuture();
    }
    return redis.send(Request.cmd(Command.PING)).timeout(2, TimeUnit.SECONDS);
  }

  /** Stops taking config events, drains the outbox, then closes the clients. */
  public Future<Void> close() {
    if (resyncTimer >= 0) {
      vertx.cancelTimer(resyncTimer);
    }
    health.close();
    Future<Void> unregistered = changes == null ? Future.succeededFuture() : changes.unregister();
    return unregistered
        .eventually(() -> outbox.drain())
        .eventually(quotas::close)
        .eventually(() -> Future.join(client.close(), pool.close(),
            redis == null ? Future.succeededFuture() : redis.close()))
        .mapEmpty();
  }

  private void onChange(JsonObject body) {
    Future.<Void>succeededFuture()
        .compose(v -> {
          ConfigChanged change = ConfigChanged.fromJson(body);
          return store.apply(change).recover(SnapshotStore.logFailure(change))
              .compose(applied -> change.kind() == ConfigChanged.Kind.CHANNEL
                  ? health.clearChannel(Integer.parseInt(change.id())) : Future.succeededFuture());
        })
        .onFailure(err -> LOG.warn("Ignoring a malformed config-changed event {}", body, err));
  }

  private void resync() {
    store.resync().onFailure(err -> LOG.warn("Periodic configuration resync failed", err));
  }

  private static HttpClient upstreamClient(Vertx vertx, RelayConfig config) {
    HttpClientOptions options = new HttpClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setConnectTimeout((int) config.connectTimeoutMs())
        .setDecompressionSupported(false);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.upstreamPoolSize()).setHttp2MaxSize(64);
    return vertx.createHttpClient(options, pool);
  }
}
