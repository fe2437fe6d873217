package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsApiTest {

  private static final String ALL = Fixtures.newKey();
  private static final String LIMITED = Fixtures.newKey();
  private static final String VIP = Fixtures.newKey();

  private RelayHarness harness;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    harness.fixtures.group("basic", Status.ENABLED, List.of("default"));
    harness.fixtures.group("vip", Status.ENABLED, List.of("vip"));
    harness.fixtures.token(ALL, "all", "basic", List.of(), Status.ENABLED);
    harness.fixtures.token(LIMITED, "limited", "basic", List.of("gpt-4o-mini"), Status.ENABLED);
    harness.fixtures.token(VIP, "vip", "vip", List.of(), Status.ENABLED);
    String url = "http://127.0.0.1:9/v1";
    harness.fixtures.openAiChannel(url, "k", List.of("gpt-4o-mini", "text-embedding-3-small", "meta/llama-3",
        "unconfigured"), Map.of());
    harness.fixtures.channel(1, url, "k", List.of("gpt-vip"), Map.of(), 0, Status.ENABLED, List.of("vip"));
    harness.fixtures.channel(1, url, "k", List.of("gpt-disabled"), Map.of(), 0, Status.DISABLED, List.of("default"));
    for (String model : List.of("gpt-4o-mini", "meta/llama-3", "gpt-vip", "gpt-disabled")) {
      harness.fixtures.chatModel(model, Fixtures.price("1", "1"));
    }
    harness.fixtures.modelConfig("text-embedding-3-small", 3, Fixtures.price("1", "0"), 0, new JsonObject());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private List<String> ids(String key) {
    HttpResponse<Buffer> response = harness.get("/v1/models", key);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("object")).isEqualTo("list");
    return body.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("The list holds the configured models of enabled channels in the group's sets")
  void listRespectsSetsAndChannels() {
    assertThat(ids(ALL)).containsExactly("gpt-4o-mini", "meta/llama-3", "text-embedding-3-small");
    assertThat(ids(VIP)).containsExactly("gpt-vip");
  }

  @Test
  @DisplayName("The list is narrowed by the token's model list")
  void listRespectsAllowList() {
    assertThat(ids(LIMITED)).containsExactly("gpt-4o-mini");
  }

  @Test
  @DisplayName("The internal caller sees the models of every set")
  void internalSeesAll() {
    assertThat(ids(RelayHarness.ADMIN_KEY)).contains("gpt-vip", "gpt-4o-mini");
  }

  @Test
  @DisplayName("Each entry has OpenAI's model shape")
  void entryShape() {
    HttpResponse<Buffer> response = harness.get("/v1/models/gpt-4o-mini", ALL);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject model = response.bodyAsJsonObject();
    assertThat(model.getString("id")).isEqualTo("gpt-4o-mini");
    assertThat(model.getString("object")).isEqualTo("model");
    assertThat(model.getString("owned_by")).isEqualTo("fake-owner");
    assertThat(model.getLong("created")).isPositive();
  }

  @Test
  @DisplayName("Retrieving a model name containing a slash works")
  void retrieveWithSlash() {
    assertThat(harness.get("/v1/models/meta/llama-3", ALL).bodyAsJsonObject().getString("id")).isEqualTo("meta/llama-3");
  }

  @Test
  @DisplayName("Retrieving a model the token may not use gets 404 model_not_found")
  void retrieveUnavailableIs404() {
    for (HttpResponse<Buffer> response : List.of(harness.get("/v1/models/text-embedding-3-small", LIMITED),
        harness.get("/v1/models/gpt-vip", ALL), harness.get("/v1/models/gpt-disabled", ALL))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("model_not_found");
    }
  }
}
