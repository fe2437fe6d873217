package org.aigateway.admin.groupmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.stream.Stream;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupModelConfigApiTest {

  private static AdminServer server;

  @BeforeAll
  static void start() {
    server = AdminServer.start();
    for (String group : new String[] {"gm", "batch", "doomed", "exact"}) {
      assertThat(server.post("/api/group/" + group, null).status()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A group model config is saved, read, partially updated and deleted by path, each write announced")
  void singleRoundTrip() {
    JsonObject body = new JsonObject().put("override_price", true).put("override_limit", true).put("rpm", 10)
        .put("price", new JsonObject().put("input_price", 0.001).put("output_price", 0.002))
        .put("override_timeout", true).put("timeout_config", new JsonObject().put("request_timeout", 30));
    JsonObject saved = server.post("/api/group/gm/model_config/Qwen/Qwen2-7B", body).data();
    assertThat(saved.getString("group_id")).isEqualTo("gm");
    assertThat(saved.getString("model")).isEqualTo("Qwen/Qwen2-7B");
    assertThat(saved.getBoolean("override_price")).isTrue();
    assertThat(saved.getJsonObject("price").getNumber("input_price").doubleValue()).isEqualTo(0.001);
    assertThat(saved.getLong("rpm")).isEqualTo(10);
    assertThat(server.get("/api/group/gm/model_config/Qwen%2FQwen2-7B").data()).isEqualTo(saved);

    JsonObject updated = server.put("/api/group/gm/model_config/Qwen/Qwen2-7B", new JsonObject().put("rpm", 20)).data();
    assertThat(updated.getLong("rpm")).isEqualTo(20);
    assertThat(updated.getJsonObject("price").getNumber("output_price").doubleValue()).isEqualTo(0.002);
    assertThat(updated.getJsonObject("timeout_config").getInteger("request_timeout")).isEqualTo(30);

    assertThat(server.delete("/api/group/gm/model_config/Qwen/Qwen2-7B").status()).isEqualTo(200);
    assertThat(server.get("/api/group/gm/model_config/Qwen/Qwen2-7B").status()).isEqualTo(404);
    ConfigChanged deleted = new ConfigChanged(Kind.GROUP_MODEL_CONFIG, "gm/Qwen/Qwen2-7B", Op.DELETE);
    Await.until(() -> server.events().contains(deleted), 5, "group model config delete event");
    assertThat(server.events()).filteredOn(e -> e.kind() == Kind.GROUP_MODEL_CONFIG && e.id().startsWith("gm/"))
        .extracting(ConfigChanged::op).containsExactly(Op.UPSERT, Op.UPSERT, Op.DELETE);
  }

  @Test
  @DisplayName("Batches: POST saves several, PUT updates existing ones, DELETE removes the listed ones, GET lists")
  void batches() {
    JsonArray configs = new JsonArray()
        .add(new JsonObject().put("model", "a").put("override_retry_times", true).put("retry_times", 3))
        .add(new JsonObject().put("model", "b").put("override_limit", true).put("tpm", 1000));
    assertThat(server.post("/api/group/batch/model_configs/", configs).dataArray()).hasSize(2);

    JsonArray updated = server.put("/api/group/batch/model_configs/", new JsonArray()
        .add(new JsonObject().put("model", "b").put("tpm", 2000))).dataArray();
    assertThat(updated.getJsonObject(0).getLong("tpm")).isEqualTo(2000);
    assertThat(updated.getJsonObject(0).getBoolean("override_limit")).isTrue();

    Reply unknown = server.put("/api/group/batch/model_configs/", new JsonArray()
        .add(new JsonObject().put("model", "a").put("retry_times", 9))
        .add(new JsonObject().put("model", "zzz").put("retry_times", 9)));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(server.get("/api/group/batch/model_config/a").data().getInteger("retry_times"))
        .as("a batch with one unknown model changes nothing").isEqualTo(3);

    JsonArray listed = server.get("/api/group/batch/model_configs/").dataArray();
    assertThat(listed).extracting(c -> ((JsonObject) c).getString("model")).containsExactly("a", "b");
    assertThat(server.send(HttpMethod.DELETE, "/api/group/batch/model_configs/",
        new JsonArray().add("a").add("nope")).dataArray()).containsExactly("a");
    assertThat(server.get("/api/group/batch/model_configs/").dataArray()).hasSize(1);
  }

  @Test
  @DisplayName("An unknown group or model is a 404 for every route")
  void notFound() {
    assertThat(server.get("/api/group/nobody/model_configs/").status()).isEqualTo(404);
    assertThat(server.post("/api/group/nobody/model_config/m", new JsonObject()).status()).isEqualTo(404);
    assertThat(server.get("/api/group/gm/model_config/missing").status()).isEqualTo(404);
    assertThat(server.put("/api/group/gm/model_config/missing", new JsonObject()).status()).isEqualTo(404);
    assertThat(server.delete("/api/group/gm/model_config/missing").status()).isEqualTo(404);
  }

  static Stream<Arguments> invalidConfigs() {
    JsonObject overlapping = new JsonObject().put("conditional_prices", new JsonArray()
        .add(tier(new JsonObject().put("input_token_min", 1000)))
        .add(tier(new JsonObject().put("output_token_min", 500))));
    return Stream.of(
        Arguments.of(new JsonObject().put("rpm", -1), "rpm must not be negative"),
        Arguments.of(new JsonObject().put("override_limit", "yes"), "override_limit must be true or false"),
        Arguments.of(new JsonObject().put("price", new JsonObject().put("input_price", -1)),
            "price.input_price must not be negative"),
        Arguments.of(new JsonObject().put("price", overlapping), "price.conditional_prices [0] and [1] overlap"),
        Arguments.of(new JsonObject().put("price", new JsonObject().put("conditional_prices", new JsonArray()
            .add(tier(new JsonObject().put("input_token_min", 9).put("input_token_max", 3))))),
            "price.conditional_prices[0].condition.input_token_min must not be greater"),
        Arguments.of(new JsonObject().put("price", new JsonObject().put("conditional_prices", new JsonArray()
            .add(new JsonObject().put("price", new JsonObject().put("per_request_price", 1))))),
            "price.conditional_prices[0].price.per_request_price is not allowed"),
        Arguments.of(new JsonObject().put("timeout_config", new JsonObject().put("request_timeout", -5)),
            "timeout_config.request_timeout must not be negative"));
  }

  private static JsonObject tier(JsonObject condition) {
    return new JsonObject().put("condition", condition).put("price", new JsonObject().put("input_price", 0.01));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidConfigs")
  @DisplayName("An invalid group model config is refused with 400 naming the field, and nothing is stored")
  void validation(JsonObject body, String expected) {
    Reply reply = server.post("/api/group/gm/model_config/invalid", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(expected);
    assertThat(server.get("/api/group/gm/model_config/invalid").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Deleting a group deletes its model configs and announces each of them")
  void groupDeleteCascades() {
    server.post("/api/group/doomed/model_config/m1", new JsonObject());
    server.post("/api/group/doomed/model_config/org/m2", new JsonObject());

    assertThat(server.delete("/api/group/doomed").status()).isEqualTo(200);

    ConfigChanged groupDeleted = new ConfigChanged(Kind.GROUP, "doomed", Op.DELETE);
    Await.until(() -> server.events().contains(groupDeleted), 5, "group delete event");
    assertThat(server.events()).contains(new ConfigChanged(Kind.GROUP_MODEL_CONFIG, "doomed/m1", Op.DELETE),
        new ConfigChanged(Kind.GROUP_MODEL_CONFIG, "doomed/org/m2", Op.DELETE));
    assertThat(server.post("/api/group/doomed", null).status()).isEqualTo(200);
    assertThat(server.get("/api/group/doomed/model_configs/").dataArray()).isEmpty();
  }

  @Test
  @DisplayName("The shared ConfigReader reads a group model config back with its price digit for digit")
  void readerSeesExactPrices() {
    String tiny = "0.0000000000000000000000001234567";
    server.post("/api/group/exact/model_config/m", new JsonObject().put("override_price", true)
        .put("price", new JsonObject().put("input_price", tiny).put("input_price_unit", 1)));

    Pool pool = Databases.pool(server.vertx, server.dsn, 1);
    GroupModelConfig config = Await.result(new ConfigReader(pool).groupModelConfig("exact", "m")).orElseThrow();
    assertThat(Await.result(new ConfigReader(pool).groupModelConfigs())).extracting(GroupModelConfig::id)
        .contains("exact/m");
    Await.result(pool.close());

    assertThat(config.price().input().price().toPlainString()).isEqualTo(tiny);
    assertThat(config.price().input().unit()).isEqualTo(1);
    assertThat(config.overridePrice()).isTrue();
  }
}
