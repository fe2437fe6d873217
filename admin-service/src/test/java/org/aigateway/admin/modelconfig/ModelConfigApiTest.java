package org.aigateway.admin.modelconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelConfigApiTest {

  private static AdminServer server;

  @BeforeAll
  static void start() {
    server = AdminServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A model whose name contains '/' is saved, read (plain or %2F-encoded), replaced and deleted by path")
  void slashInModelName() {
    JsonObject body = new JsonObject().put("type", 1).put("owner", "alibaba").put("rpm", 60)
        .put("price", new JsonObject().put("input_price", 0.5).put("output_price", 1.5))
        .put("timeout_config", new JsonObject().put("request_timeout", 30))
        .put("config", new JsonObject().put("max_context_tokens", 32768));
    JsonObject saved = server.post("/api/model_config/Qwen/Qwen2-7B", body).data();
    assertThat(saved.getString("model")).isEqualTo("Qwen/Qwen2-7B");
    assertThat(saved.getJsonObject("price").getNumber("input_price").doubleValue()).isEqualTo(0.5);
    assertThat(saved.getJsonObject("timeout_config").getInteger("request_timeout")).isEqualTo(30);
    assertThat(saved.getJsonObject("config").getInteger("max_context_tokens")).isEqualTo(32768);

    assertThat(server.get("/api/model_config/Qwen/Qwen2-7B").data().getString("owner")).isEqualTo("alibaba");
    assertThat(server.get("/api/model_config/Qwen%2FQwen2-7B").data().getString("model")).isEqualTo("Qwen/Qwen2-7B");

    JsonObject replaced = server.post("/api/model_config/Qwen/Qwen2-7B", new JsonObject().put("type", 1)
        .put("owner", "qwen")).data();
    assertThat(replaced.getString("owner")).isEqualTo("qwen");
    assertThat(replaced.getLong("rpm")).isZero();
    assertThat(server.get("/api/model_configs/all").dataArray()).filteredOn(c ->
        ((JsonObject) c).getString("model").equals("Qwen/Qwen2-7B")).hasSize(1);

    assertThat(server.delete("/api/model_config/Qwen/Qwen2-7B").status()).isEqualTo(200);
    assertThat(server.get("/api/model_config/Qwen/Qwen2-7B").status()).isEqualTo(404);
    assertThat(server.delete("/api/model_config/Qwen/Qwen2-7B").status()).isEqualTo(404);
    ConfigChanged deleted = new ConfigChanged(Kind.MODEL_CONFIG, "Qwen/Qwen2-7B", Op.DELETE);
    Await.until(() -> server.events().contains(deleted), 5, "model config delete event");
    assertThat(server.events()).filteredOn(e -> e.id().equals("Qwen/Qwen2-7B")).extracting(ConfigChanged::op)
        .containsExactly(Op.UPSERT, Op.UPSERT, Op.DELETE);
  }

  @Test
  @DisplayName("A batch save inserts new configs and replaces existing ones, announcing each model")
  void batchUpsert() {
    JsonArray batch = new JsonArray()
        .add(new JsonObject().put("model", "batch-a").put("type", 1).put("price", new JsonObject().put("input_price", 1)))
        .add(new JsonObject().put("model", "org/batch-b").put("type", 3));
    assertThat(server.post("/api/model_configs/", batch).dataArray()).hasSize(2);

    batch.getJsonObject(0).put("price", new JsonObject().put("input_price", 2));
    JsonArray saved = server.post("/api/model_configs/", batch).dataArray();
    assertThat(saved.getJsonObject(0).getString("model")).isEqualTo("batch-a");
    assertThat(saved.getJsonObject(0).getJsonObject("price").getNumber("input_price").intValue()).isEqualTo(2);
    assertThat(server.get("/api/model_configs/?model=batch-").data().getLong("total")).isEqualTo(2);
    ConfigChanged upsert = new ConfigChanged(Kind.MODEL_CONFIG, "org/batch-b", Op.UPSERT);
    Await.until(() -> server.events().stream().filter(upsert::equals).count() == 2, 5, "two upserts of org/batch-b");
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(new JsonObject().put("type", 99), "type is not a known mode"),
        Arguments.of(new JsonObject().put("type", "chat"), "type must be an integer"),
        Arguments.of(new JsonObject().put("rpm", -1), "rpm must not be negative"),
        Arguments.of(new JsonObject().put("tpm", 1.5), "tpm must be an integer"),
        Arguments.of(new JsonObject().put("retry_times", -3), "retry_times must not be negative"),
        Arguments.of(new JsonObject().put("owner", "o".repeat(65)), "owner must be at most 64"),
        Arguments.of(new JsonObject().put("price", new JsonObject().put("input_price", -0.1)),
            "price.input_price must not be negative"),
        Arguments.of(new JsonObject().put("price", new JsonObject().put("output_price", "one")),
            "price.output_price must be a number"),
        Arguments.of(new JsonObject().put("price", 3), "price must be a JSON object"),
        Arguments.of(new JsonObject().put("timeout_config", new JsonObject().put("request_timeout", -5)),
            "timeout_config.request_timeout must not be negative"),
        Arguments.of(new JsonObject().put("timeout_config", new JsonObject().put("stream_idle_timeout", -1)),
            "timeout_config.stream_idle_timeout must not be negative"),
        Arguments.of(new JsonObject().put("plugin", "cache"), "plugin must be a JSON object"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidConfigs")
  @DisplayName("An invalid model config is refused with 400 naming the field, and nothing is stored")
  void validation(JsonObject body, String expected) {
    Reply reply = server.post("/api/model_config/invalid-model", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(expected);
    assertThat(server.get("/api/model_config/invalid-model").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("A batch item without a model, a non-array batch and a name over 128 characters are 400")
  void batchValidation() {
    JsonArray batch = new JsonArray().add(new JsonObject().put("model", "fine")).add(new JsonObject().put("type", 1));
    Reply reply = server.post("/api/model_configs/", batch);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("[1].model is required");
    assertThat(server.get("/api/model_config/fine").status()).isEqualTo(404);
    assertThat(server.post("/api/model_configs/", "not json").status()).isEqualTo(400);
    Reply huge = server.post("/api/model_config/huge", "{\"price\": {\"input_price\": 1e400}, \"rpm\": 1}");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.message()).contains("price.input_price must be a finite number");
    assertThat(server.post("/api/model_config/huge", "{\"rpm\": 1e30}").message()).contains("rpm must be an integer");
    assertThat(server.post("/api/model_config/" + "m".repeat(129), new JsonObject()).message())
        .contains("model must be 1 to 128");
  }

  @Test
  @DisplayName("The model config listing pages and filters by model substring and owner")
  void listing() {
    JsonArray batch = new JsonArray();
    for (String model : new String[] {"lst-1", "lst-2", "lst-3"}) {
      batch.add(new JsonObject().put("model", model).put("owner", model.equals("lst-3") ? "acme" : "openai"));
    }
    server.post("/api/model_configs/", batch);
    JsonObject page = server.get("/api/model_configs/?model=lst-&per_page=2&p=2").data();
    assertThat(page.getLong("total")).isEqualTo(3);
    assertThat(page.getJsonArray("configs")).hasSize(1);
    assertThat(page.getJsonArray("configs").getJsonObject(0).getString("model")).isEqualTo("lst-3");
    assertThat(server.get("/api/model_configs/?model=lst-&owner=openai").data().getLong("total")).isEqualTo(2);
  }
}
