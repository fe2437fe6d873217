package org.aigateway.relay;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.event.UsageBatchCodec;
import org.aigateway.runtime.db.Databases;
import org.aigateway.runtime.db.Migration;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.MultipartBody;
import org.aigateway.testsupport.TestDatabases;

/**
 * A fresh database with admin's schema, the real relay verticle on a random port, and log and
 * billing consumers that acknowledge every batch and keep the log events for assertions.
 */
final class RelayHarness implements AutoCloseable {

  static final String ADMIN_KEY = "admin-key-for-tests";

  final Vertx vertx = Vertx.vertx();
  final String dsn = TestDatabases.freshDatabase(vertx);
  final Pool pool = Databases.pool(vertx, dsn, 2);
  final Fixtures fixtures = new Fixtures(pool);
  final List<RelayCompleted> events = new CopyOnWriteArrayList<>();
  final WebClient web = WebClient.create(vertx);
  private RelayVerticle relay;

  RelayHarness() {
    this(true);
  }

  /** Without the schema when {@code migrate} is false: admin has not started yet. */
  RelayHarness(boolean migrate) {
    if (migrate) {
      migrate();
    }
    UsageBatchCodec.register(vertx.eventBus());
    vertx.eventBus().<UsageBatch>consumer(Addresses.LOG_RECORD, message -> {
      events.addAll(message.body().events());
      message.reply(new JsonObject().put("v", 1));
    });
    vertx.eventBus().<JsonObject>consumer(Addresses.BILLING_RECORD, message -> message.reply(new JsonObject().put("v", 1)));
  }

  void migrate() {
    Await.result(new Migrator(vertx, pool, "admin")
        .migrate(List.of(new Migration(1, "db/admin/V1__config_tables.sql"),
            new Migration(2, "db/admin/V2__balances_and_group_model_configs.sql"),
            new Migration(3, "db/admin/V3__token_rate_limits.sql"),
            new Migration(4, "db/admin/V4__channel_error_bans.sql"))));
  }

  /** Deploys the relay with these settings on top of the test defaults. */
  RelayHarness deploy(Map<String, Object> settings) {
    Await.result(deployAsync(settings));
    return this;
  }

  io.vertx.core.Future<String> deployAsync(Map<String, Object> settings) {
    relay = new RelayVerticle();
    return vertx.deployVerticle(relay, new DeploymentOptions().setConfig(config(settings)));
  }

  /** Deploys one more relay instance on this database (another replica), leaving {@link #port()} as it was. */
  RelayVerticle deployAnother(RelayVerticle another, Map<String, Object> settings) {
    Await.result(vertx.deployVerticle(another, new DeploymentOptions().setConfig(config(settings))));
    return another;
  }

  private JsonObject config(Map<String, Object> settings) {
    JsonObject config = new JsonObject()
        .put("SQL_DSN", dsn)
        .put("RELAY_PORT", 0)
        .put("ADMIN_KEY", ADMIN_KEY)
        .put("OUTBOX_FLUSH_INTERVAL_MS", 20)
        .put("OUTBOX_JOURNAL_DIR", tempDir().toString());
    settings.forEach(config::put);
    return config;
  }

  FakeOpenAiServer fake() {
    return Await.result(FakeOpenAiServer.start(vertx));
  }

  int port() {
    return relay.port();
  }

  HttpResponse<Buffer> post(String path, String key, JsonObject body) {
    return post(path, key, body.toBuffer());
  }

  HttpResponse<Buffer> post(String path, String key, Buffer body) {
    return Await.result(web.post(port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + key)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body));
  }

  /** Posts a multipart form as a client would. */
  HttpResponse<Buffer> postForm(String path, String key, MultipartBody form) {
    return Await.result(web.post(port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + key)
        .putHeader("Content-Type", form.contentType())
        .sendBuffer(form.encode()));
  }

  HttpResponse<Buffer> get(String path, String key) {
    return Await.result(web.get(port(), "127.0.0.1", path).putHeader("Authorization", "Bearer " + key).send());
  }

  void publish(ConfigChanged.Kind kind, Object id, ConfigChanged.Op op) {
    vertx.eventBus().publish(Addresses.CONFIG_CHANGED, new ConfigChanged(kind, String.valueOf(id), op).toJson());
  }

  /** The usage event of a request, waiting for the outbox to deliver it. */
  RelayCompleted event(String requestId) {
    Await.until(() -> events.stream().anyMatch(e -> e.requestId().equals(requestId)), 10,
        "the usage event of " + requestId);
    return events.stream().filter(e -> e.requestId().equals(requestId)).findFirst().orElseThrow();
  }

  static JsonObject chat(String model, String content) {
    return new JsonObject().put("model", model).put("messages", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("role", "user").put("content", content)));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("relay-outbox");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
