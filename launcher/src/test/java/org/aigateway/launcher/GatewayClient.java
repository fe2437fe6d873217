package org.aigateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.aigateway.testsupport.Await;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the gateway's public port the way an admin and an OpenAI SDK would. */
final class GatewayClient {

  static final String ADMIN_KEY = "test-admin-key-0123456789";

  private final WebClient client;

  GatewayClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** An admin call that must succeed; returns the envelope's {@code data}. */
  Object admin(HttpMethod method, String path, Object body) {
    HttpResponse<Buffer> response = adminCall(method, path, body);
    JsonObject envelope = response.bodyAsJsonObject();
    assertThat(envelope.getBoolean("success")).as("%s %s: %s", method, path, envelope).isTrue();
    return envelope.getValue("data");
  }

  HttpResponse<Buffer> adminCall(HttpMethod method, String path, Object body) {
    var request = client.request(method, path).putHeader("Authorization", "Bearer " + ADMIN_KEY);
    return Await.result(body == null ? request.send() : request.sendBuffer(encode(body)));
  }

  HttpResponse<Buffer> relay(HttpMethod method, String path, String key, JsonObject body) {
    var request = client.request(method, path).putHeader("Authorization", "Bearer " + key);
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  /** Creates a model config, a channel at {@code upstream}, a group and a token; returns the token. */
  JsonObject setUp(String upstream, String group) {
    admin(HttpMethod.POST, "/api/model_configs/", new JsonArray()
        .add(new JsonObject().put("model", "gpt-4o-mini").put("owner", "openai").put("type", 1)
            .put("price", new JsonObject().put("input_price", 0.15).put("output_price", 0.6)))
        .add(new JsonObject().put("model", "text-embedding-3-small").put("owner", "openai").put("type", 3)
            .put("price", new JsonObject().put("input_price", 0.02))));
    admin(HttpMethod.POST, "/api/channel/", new JsonObject()
        .put("type", 1).put("name", "fake-openai").put("key", "sk-upstream-secret").put("base_url", upstream)
        .put("models", new JsonArray().add("gpt-4o-mini").add("text-embedding-3-small"))
        .put("model_mapping", new JsonObject().put("gpt-4o-mini", "gpt-4o-mini-2024-07-18")));
    admin(HttpMethod.POST, "/api/group/" + group, new JsonObject());
    return (JsonObject) admin(HttpMethod.POST, "/api/token/" + group, new JsonObject().put("name", "app"));
  }

  /** Waits until the relay's snapshot serves {@code model} to {@code key}. */
  void awaitModel(String key, String model) {
    Await.until(() -> client.get("/v1/models/" + model).putHeader("Authorization", "Bearer " + key).send(),
        response -> response.statusCode() == 200, 10, model + " to be served");
  }

  void close() {
    client.close();
  }

  private static Buffer encode(Object body) {
    return body instanceof JsonArray array ? array.toBuffer() : ((JsonObject) body).toBuffer();
  }
}
