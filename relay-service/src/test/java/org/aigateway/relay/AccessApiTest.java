package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("Who may be relayed at all: key subnets, trusted proxies and maintenance")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessApiTest {

  private static final String ELSEWHERE = Fixtures.newKey();
  private static final String LOCAL = Fixtures.newKey();
  private static final String ANYWHERE = Fixtures.newKey();

  private RelayHarness harness;
  private int trustingProxy;
  private int maintenance;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    FakeOpenAiServer upstream = harness.fake();
    harness.fixtures.group("g", Status.ENABLED, List.of("default"));
    subnets(harness.fixtures.token(ELSEWHERE, "elsewhere", "g", List.of(), Status.ENABLED), "10.0.0.0/8");
    subnets(harness.fixtures.token(LOCAL, "local", "g", List.of(), Status.ENABLED), "10.0.0.0/8", "127.0.0.0/8");
    harness.fixtures.token(ANYWHERE, "anywhere", "g", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk", List.of("gpt-4o-mini"), Map.of());
    harness.fixtures.chatModel("gpt-4o-mini", Fixtures.price("0.15", "0.6"));
    harness.deploy(Map.of());
    trustingProxy = harness.deployAnother(new RelayVerticle(), Map.of("TRUSTED_PROXIES", "127.0.0.1, ::1")).port();
    maintenance = harness.deployAnother(new RelayVerticle(), Map.of("DISABLE_SERVE", "true")).port();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A key limited to 10.0.0.0/8 is refused from 127.0.0.1 with 403, on relay and listing routes alike")
  void outsideSubnets() {
    HttpResponse<Buffer> chat = chat(harness.port(), ELSEWHERE, Map.of());
    assertThat(chat.statusCode()).isEqualTo(403);
    JsonObject error = chat.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("ip_not_allowed");
    assertThat(error.getString("message")).contains("127.0.0.1");
    assertThat(harness.get("/v1/models", ELSEWHERE).statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("A key whose subnets include 127.0.0.0/8, and a key without subnets, are served from 127.0.0.1")
  void insideSubnets() {
    assertThat(chat(harness.port(), LOCAL, Map.of()).statusCode()).isEqualTo(200);
    assertThat(chat(harness.port(), ANYWHERE, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("X-Forwarded-For is ignored by default and believed only from TRUSTED_PROXIES, read from the right")
  void forwardedFor() {
    assertThat(chat(harness.port(), ELSEWHERE, Map.of("X-Forwarded-For", "10.1.2.3")).statusCode())
        .as("no trusted proxy: the header is the client's claim").isEqualTo(403);

    HttpResponse<Buffer> proxied = chat(trustingProxy, ELSEWHERE, Map.of("X-Forwarded-For", "10.1.2.3"));
    assertThat(proxied.statusCode()).isEqualTo(200);
    String logged = harness.event(proxied.getHeader("X-Request-Id")).clientIp();
    assertThat(logged).isEqualTo("10.1.2.3");

    assertThat(chat(trustingProxy, ELSEWHERE, Map.of("X-Forwarded-For", "10.1.2.3, 203.0.113.9")).statusCode())
        .as("the right-most untrusted hop is the client, whatever it put in front").isEqualTo(403);
    assertThat(chat(trustingProxy, ELSEWHERE, Map.of("X-Forwarded-For", "not-an-ip")).statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("DISABLE_SERVE answers every relay request with 503 'service is under maintenance', admin key included, while models are still listed")
  void maintenance() {
    for (String key : List.of(ANYWHERE, RelayHarness.ADMIN_KEY)) {
      HttpResponse<Buffer> refused = chat(maintenance, key, Map.of());
      assertThat(refused.statusCode()).isEqualTo(503);
      JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getString("message")).isEqualTo("service is under maintenance");
      assertThat(error.getString("code")).isEqualTo("service_under_maintenance");
    }
    HttpResponse<Buffer> models = send(harness.web.get(maintenance, "127.0.0.1", "/v1/models"), ANYWHERE, Map.of(),
        null);
    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(models.bodyAsJsonObject().getJsonArray("data")).hasSize(1);
  }

  private HttpResponse<Buffer> chat(int port, String key, Map<String, String> headers) {
    return send(harness.web.post(port, "127.0.0.1", "/v1/chat/completions"), key, headers,
        RelayHarness.chat("gpt-4o-mini", "hi"));
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String key, Map<String, String> headers,
                                           JsonObject body) {
    request.putHeader("Authorization", "Bearer " + key);
    headers.forEach(request::putHeader);
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  private void subnets(long tokenId, String... subnets) {
    Await.result(harness.pool.preparedQuery("UPDATE tokens SET subnets = $1 WHERE id = $2")
        .execute(Tuple.of(new JsonArray(List.of(subnets)), tokenId)));
  }
}
