package org.aigateway.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.Consumer;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.bus.SpendClient;
import org.aigateway.admin.channel.ChannelHandler;
import org.aigateway.admin.channel.ChannelRepository;
import org.aigateway.admin.channel.ModelCheck;
import org.aigateway.admin.group.GroupHandler;
import org.aigateway.admin.group.GroupRepository;
import org.aigateway.admin.groupmodel.GroupModelConfigHandler;
import org.aigateway.admin.groupmodel.GroupModelConfigRepository;
import org.aigateway.admin.http.AdminAuth;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.ApiFailureHandler;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.listing.Listing;
import org.aigateway.admin.log.LogHandler;
import org.aigateway.admin.modelconfig.ModelConfigHandler;
import org.aigateway.admin.modelconfig.ModelConfigRepository;
import org.aigateway.admin.token.TokenCreation;
import org.aigateway.admin.token.TokenHandler;
import org.aigateway.admin.token.TokenRepository;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.runtime.db.SchemaWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API as a router the admin verticle serves on its own port or the launcher mounts
 * next to the relay: everything under {@code /api}, behind the admin key, in the envelope.
 */
public final class AdminApi {

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "db/admin/V1__config_tables.sql"),
      new Migration(2, "db/admin/V2__balances_and_group_model_configs.sql"),
      new Migration(3, "db/admin/V3__token_rate_limits.sql"),
      new Migration(4, "db/admin/V4__channel_error_bans.sql"));
  private static final long BODY_LIMIT = 8L * 1024 * 1024;

  private final Vertx vertx;
  private final Pool pool;
  private final AdminSettings settings;
  private final long startTime = System.currentTimeMillis() / 1000;

  private AdminApi(Vertx vertx, Pool pool, AdminSettings settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
  }

  /** Opens the pool and migrates the config tables (unless disabled); then the API is ready to mount. */
  public static Future<AdminApi> create(Vertx vertx, Settings settings) {
    AdminSettings config = AdminSettings.from(settings);
    if (config.adminKey().isEmpty()) {
      LOG.warn("ADMIN_KEY is empty: every admin API call will be refused with 401");
    }
    Pool pool = Databases.pool(vertx, config.sqlDsn(), config.poolSize());
    return prepare(vertx, pool, config)
        .map(v -> new AdminApi(vertx, pool, config))
        .recover(err -> pool.close().transform(closed -> Future.<AdminApi>failedFuture(err)));
  }

  private static Future<Void> prepare(Vertx vertx, Pool pool, AdminSettings config) {
    if (config.autoMigrate()) {
      return new Migrator(vertx, pool, "admin").migrate(MIGRATIONS);
    }
    return SchemaWait.retry(vertx, () -> pool.query("SELECT 1 FROM channels LIMIT 1").execute(), 1_000, 60)
        .mapEmpty();
  }

  /** Registers every {@code /api} route on {@code router}. */
  public void mount(Router router) {
    Router api = Router.router(vertx);
    api.get("/status").handler(this::status);
    api.route().handler(new AdminAuth(settings.adminKey()));
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    handlers().forEach(mount -> mount.accept(api));
    api.route().handler(ctx -> ctx.fail(ApiException.notFound("no such admin API: "
        + ctx.request().method() + " " + ctx.request().path())));
    api.route().failureHandler(ApiFailureHandler::handle);
    router.route("/api/*").subRouter(api);
  }

  /** Whether the database answers, for {@code /readyz}. */
  public Future<?> ready() {
    return pool.query("SELECT 1").execute();
  }

  public Future<Void> close() {
    return pool.close();
  }

  private List<Consumer<Router>> handlers() {
    ConfigReader reader = new ConfigReader(pool);
    Listing listing = new Listing(pool, reader);
    ConfigEvents events = new ConfigEvents(vertx.eventBus());
    SpendClient spend = new SpendClient(vertx.eventBus());
    GroupRepository groups = new GroupRepository(pool);
    TokenRepository tokens = new TokenRepository(pool);
    ModelCheck models = new ModelCheck(reader, settings.modelConfigDisabled());
    return List.of(
        new ChannelHandler(new ChannelRepository(pool), reader, listing, models, events)::mount,
        new GroupHandler(groups, reader, listing, spend, events)::mount,
        new TokenHandler(tokens, new TokenCreation(tokens, groups, reader, events, settings.groupMaxTokenNum()),
            reader, listing, spend, events)::mount,
        new ModelConfigHandler(new ModelConfigRepository(pool), reader, listing, events)::mount,
        new GroupModelConfigHandler(new GroupModelConfigRepository(pool), reader, events)::mount,
        new LogHandler(vertx.eventBus())::mount);
  }

  private void status(RoutingContext ctx) {
    Envelope.ok(ctx, new JsonObject().put("startTime", startTime));
  }
}
