package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private Future<String> deployment;

  @BeforeAll
  void start() {
    harness = new RelayHarness(false);
    upstream = harness.fake();
    deployment = harness.deployAsync(Map.of("DISABLE_MODEL_CONFIG", "true"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A relay started before admin's schema exists waits for it, then serves unconfigured models for free")
  void waitsForSchemaThenServes() {
    Await.result(harness.vertx.timer(1_500));
    assertThat(deployment.isComplete()).as("the relay waits while the tables are missing").isFalse();

    harness.migrate();
    harness.fixtures.group("g", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "t", "g", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk", List.of("no-config-model"), Map.of());
    Await.result(deployment, 10);

    HttpResponse<Buffer> models = harness.get("/v1/models", KEY);
    assertThat(models.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getString("owned_by")).isEqualTo("openai");
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("no-config-model", "hi"));
    assertThat(response.statusCode()).isEqualTo(200);
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.price()).isEqualTo(Price.FREE);
    assertThat(event.amount().total()).isZero();
    assertThat(event.usage().inputTokens()).isEqualTo(12);
  }
}
