package org.aigateway.admin;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestDatabases;

/**
 * The real {@link AdminVerticle} on a random port against a fresh PostgreSQL database, with a
 * web client that sends the admin key and a recorder of the config-changed events it publishes.
 */
public final class AdminServer implements AutoCloseable {

  public static final String KEY = "test-admin-key-0123456789";

  public final Vertx vertx;
  public final String dsn;
  private final WebClient client;
  private final AdminVerticle verticle;
  private final List<ConfigChanged> events = new CopyOnWriteArrayList<>();

  private AdminServer(Vertx vertx, String dsn, AdminVerticle verticle) {
    this.vertx = vertx;
    this.dsn = dsn;
    this.verticle = verticle;
    this.client = WebClient.create(vertx);
  }

  /** A server on a fresh database with the test admin key. */
  public static AdminServer start() {
    return start(new JsonObject());
  }

  /** A server on a fresh database; {@code overrides} replace the default test settings. */
  public static AdminServer start(JsonObject overrides) {
    Vertx vertx = Vertx.vertx();
    return start(vertx, TestDatabases.freshDatabase(vertx), overrides);
  }

  public static AdminServer start(Vertx vertx, String dsn, JsonObject overrides) {
    JsonObject config = new JsonObject().put("SQL_DSN", dsn).put("ADMIN_KEY", KEY).put("ADMIN_PORT", 0)
        .mergeIn(overrides);
    AdminVerticle verticle = new AdminVerticle();
    AdminServer server = new AdminServer(vertx, dsn, verticle);
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.CONFIG_CHANGED,
        message -> server.events.add(ConfigChanged.fromJson(message.body()))).completion());
    Await.result(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    return server;
  }

  public int port() {
    return verticle.port();
  }

  /** Every config-changed event published since the server started. */
  public List<ConfigChanged> events() {
    return List.copyOf(events);
  }

  public Reply get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  public Reply post(String path, Object body) {
    return send(HttpMethod.POST, path, body);
  }

  public Reply put(String path, Object body) {
    return send(HttpMethod.PUT, path, body);
  }

  public Reply delete(String path) {
    return send(HttpMethod.DELETE, path, null);
  }

  /** Sends with the admin key; {@code body} is JSON (object or array) or, as a String, raw text. */
  public Reply send(HttpMethod method, String path, Object body) {
    return send(request(method, path).putHeader("Authorization", "Bearer " + KEY), body);
  }

  /** A request without any credentials, for auth tests. */
  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    return client.request(method, port(), "127.0.0.1", path);
  }

  public Reply send(HttpRequest<Buffer> request, Object body) {
    Buffer buffer = body == null ? Buffer.buffer() : Buffer.buffer(body instanceof String text ? text : body.toString());
    return Await.result(request.sendBuffer(buffer).map(resp -> new Reply(resp.statusCode(), resp.headers(),
        resp.bodyAsString())));
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }

  /** An HTTP answer; {@link #json()} is the envelope. */
  public record Reply(int status, MultiMap headers, String text) {

    public JsonObject json() {
      return new JsonObject(text);
    }

    public JsonObject data() {
      return json().getJsonObject("data");
    }

    public io.vertx.core.json.JsonArray dataArray() {
      return json().getJsonArray("data");
    }

    public String message() {
      return json().getString("message");
    }
  }
}
