package org.aigateway.admin.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
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

class ChannelApiTest {

  private static AdminServer server;

  @BeforeAll
  static void start() {
    server = AdminServer.start();
    assertThat(server.post("/api/model_config/gpt-4o-mini", new JsonObject().put("type", 1)).status()).isEqualTo(200);
    assertThat(server.post("/api/model_config/text-embedding-3-small", new JsonObject().put("type", 3)).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A channel can be created, read, partially updated, disabled and deleted, each write announced")
  void crudRoundTrip() {
    JsonObject created = server.post("/api/channel/", openAi("main")).data();
    int id = created.getInteger("id");
    assertThat(created.getString("name")).isEqualTo("main");
    assertThat(created.getString("key")).isEqualTo("sk-upstream");
    assertThat(created.getJsonArray("models")).containsExactly("gpt-4o-mini");
    assertThat(created.getJsonObject("model_mapping").getString("gpt-4o-mini")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(created.getJsonArray("sets")).containsExactly("default");
    assertThat(server.get("/api/channel/" + id).data()).isEqualTo(created);

    JsonObject renamed = server.put("/api/channel/" + id, new JsonObject().put("name", "renamed")).data();
    assertThat(renamed.getString("name")).isEqualTo("renamed");
    assertThat(renamed.getString("key")).isEqualTo("sk-upstream");
    assertThat(renamed.getInteger("priority")).isEqualTo(5);

    Reply disabled = server.post("/api/channel/" + id + "/status", new JsonObject().put("status", 2));
    assertThat(disabled.data().getInteger("status")).isEqualTo(2);

    assertThat(server.delete("/api/channel/" + id).json().getBoolean("success")).isTrue();
    assertThat(server.get("/api/channel/" + id).status()).isEqualTo(404);

    String sid = String.valueOf(id);
    Await.until(() -> server.events().stream().filter(e -> e.kind() == Kind.CHANNEL && e.id().equals(sid)).count() == 4,
        5, "four channel events");
    assertThat(server.events()).filteredOn(e -> e.id().equals(sid) && e.kind() == Kind.CHANNEL)
        .extracting(ConfigChanged::op).containsExactly(Op.UPSERT, Op.UPSERT, Op.UPSERT, Op.DELETE);
  }

  @Test
  @DisplayName("The automatic-ban fields are stored, returned, kept by partial updates and default to off")
  void banFields() {
    JsonObject plain = server.post("/api/channel/", openAi("plain")).data();
    assertThat(plain.getBoolean("enabled_no_permission_ban")).isFalse();
    assertThat(plain.getDouble("max_error_rate")).isZero();

    JsonObject created = server.post("/api/channel/", openAi("guarded")
        .put("enabled_no_permission_ban", true).put("max_error_rate", 0.4)).data();
    int id = created.getInteger("id");
    assertThat(created.getBoolean("enabled_no_permission_ban")).isTrue();
    assertThat(created.getDouble("max_error_rate")).isEqualTo(0.4);

    JsonObject renamed = server.put("/api/channel/" + id, new JsonObject().put("name", "guarded-2")).data();
    assertThat(renamed.getBoolean("enabled_no_permission_ban")).isTrue();
    assertThat(renamed.getDouble("max_error_rate")).isEqualTo(0.4);

    JsonObject relaxed = server.put("/api/channel/" + id, new JsonObject().put("max_error_rate", 1)).data();
    assertThat(relaxed.getDouble("max_error_rate")).isEqualTo(1.0);
    assertThat(server.put("/api/channel/" + id, new JsonObject().put("max_error_rate", 2)).status()).isEqualTo(400);
    assertThat(server.get("/api/channel/" + id).data().getDouble("max_error_rate")).isEqualTo(1.0);
  }

  @Test
  @DisplayName("A key with several lines creates one channel per non-empty line, as the original does")
  void multiLineKey() {
    Reply reply = server.post("/api/channel/", openAi("multi").put("key", "k1\nk2\r\n\n  k3  \n"));
    assertThat(reply.status()).isEqualTo(200);
    JsonArray channels = reply.dataArray();
    assertThat(channels).hasSize(3);
    assertThat(channels.stream().map(c -> ((JsonObject) c).getString("key"))).containsExactly("k1", "k2", "k3");
    assertThat(channels.stream().map(c -> ((JsonObject) c).getString("name"))).containsOnly("multi");
  }

  static Stream<Arguments> invalidChannels() {
    JsonObject base = new JsonObject().put("type", 1);
    return Stream.of(
        Arguments.of(new JsonObject().put("name", "x"), "type is required"),
        Arguments.of(new JsonObject().put("type", "1"), "type must be an integer"),
        Arguments.of(new JsonObject().put("type", 0), "type must be a positive"),
        Arguments.of(base.copy().put("name", "n".repeat(65)), "name must be at most 64"),
        Arguments.of(base.copy().put("name", 12), "name must be a string"),
        Arguments.of(base.copy().put("base_url", "ftp://example.com"), "base_url must be an http"),
        Arguments.of(base.copy().put("base_url", "not a url"), "base_url must be an http"),
        Arguments.of(base.copy().put("base_url", "https://" + "a".repeat(130) + ".com"), "base_url must be at most 128"),
        Arguments.of(base.copy().put("models", "gpt-4o-mini"), "models must be a list of strings"),
        Arguments.of(base.copy().put("models", new JsonArray().add(1)), "models must be a list of strings"),
        Arguments.of(base.copy().put("models", new JsonArray().add("no-such-model")), "no-such-model"),
        Arguments.of(base.copy().put("model_mapping", new JsonObject().put("a", 1)), "model_mapping must map"),
        Arguments.of(base.copy().put("model_mapping", "a=b"), "model_mapping must be a JSON object"),
        Arguments.of(base.copy().put("priority", 1.5), "priority must be an integer"),
        Arguments.of(base.copy().put("status", 3), "status must be 1"),
        Arguments.of(base.copy().put("sets", "default"), "sets must be a list of strings"),
        Arguments.of(base.copy().put("max_error_rate", 1.5), "max_error_rate must be between 0 and 1"),
        Arguments.of(base.copy().put("max_error_rate", -0.1), "max_error_rate must not be negative"),
        Arguments.of(base.copy().put("max_error_rate", "0.5x"), "max_error_rate"),
        Arguments.of(base.copy().put("enabled_no_permission_ban", "yes"),
            "enabled_no_permission_ban must be true or false"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidChannels")
  @DisplayName("An invalid channel is refused with 400 naming the field, and nothing is stored")
  void validation(JsonObject body, String expected) {
    int before = server.get("/api/channels/all").dataArray().size();
    Reply reply = server.post("/api/channel/", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getBoolean("success")).isFalse();
    assertThat(reply.message()).contains(expected);
    assertThat(server.get("/api/channels/all").dataArray()).hasSize(before);
  }

  @Test
  @DisplayName("Malformed JSON, a body of the wrong shape and a non-numeric id are 400, never 500")
  void malformedRequests() {
    Reply malformed = server.post("/api/channel/", "{\"type\": 1,");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.message()).contains("not valid JSON");
    assertThat(server.post("/api/channel/", new JsonArray().add(1)).message()).contains("must be a JSON object");
    assertThat(server.post("/api/channels/", new JsonObject()).message()).contains("must be a JSON array");
    Reply badId = server.get("/api/channel/abc");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.message()).contains("id must be an integer");
    assertThat(server.get("/api/channels/?channel_type=x").message()).contains("channel_type must be an integer");
    assertThat(server.get("/api/channel/99999999999").status()).isEqualTo(400);
    assertThat(server.post("/api/channel/", "{\"type\": 99999999999}").message()).contains("type is out of range");
  }

  @Test
  @DisplayName("Unknown channel ids are 404 for read, update, status and delete")
  void unknownIds() {
    assertThat(server.get("/api/channel/987654").status()).isEqualTo(404);
    assertThat(server.put("/api/channel/987654", new JsonObject().put("name", "x")).status()).isEqualTo(404);
    assertThat(server.post("/api/channel/987654/status", new JsonObject().put("status", 1)).status()).isEqualTo(404);
    Reply delete = server.delete("/api/channel/987654");
    assertThat(delete.status()).isEqualTo(404);
    assertThat(delete.message()).contains("channel 987654 not found");
  }

  @Test
  @DisplayName("An update that names a model without a config is refused and leaves the channel unchanged")
  void updateChecksModels() {
    int id = server.post("/api/channel/", openAi("upd")).data().getInteger("id");
    Reply reply = server.put("/api/channel/" + id, new JsonObject().put("models", new JsonArray().add("ghost")));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("ghost");
    assertThat(server.get("/api/channel/" + id).data().getJsonArray("models")).containsExactly("gpt-4o-mini");
  }

  @Test
  @DisplayName("The channel listing pages newest first and filters by name, key, type, id and base URL")
  void listing() {
    int a = server.post("/api/channel/", openAi("list-a").put("key", "key-aaa")).data().getInteger("id");
    int b = server.post("/api/channel/", openAi("list-b").put("type", 7)).data().getInteger("id");
    server.post("/api/channel/", openAi("other").put("base_url", "https://proxy.example.org/v1"));

    JsonObject first = server.get("/api/channels/?name=list-&per_page=1&p=1").data();
    assertThat(first.getLong("total")).isEqualTo(2);
    assertThat(ids(first)).containsExactly(b);
    assertThat(ids(server.get("/api/channels/?name=list-&per_page=1&page=2").data())).containsExactly(a);
    assertThat(ids(server.get("/api/channels/?channel_type=7").data())).containsExactly(b);
    assertThat(ids(server.get("/api/channels/?key=key-aa").data())).containsExactly(a);
    assertThat(ids(server.get("/api/channels/?id=" + a).data())).containsExactly(a);
    assertThat(server.get("/api/channels/?base_url=proxy.example").data().getLong("total")).isEqualTo(1);
    assertThat(server.get("/api/channels/?name=%25").data().getLong("total")).isZero();
  }

  @Test
  @DisplayName("A batch add creates every channel, and one invalid item refuses the whole batch")
  void batchAdd() {
    JsonArray batch = new JsonArray().add(openAi("batch-1")).add(openAi("batch-2").put("key", "x\ny"));
    Reply reply = server.post("/api/channels/", batch);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.dataArray()).hasSize(3);
    assertThat(server.get("/api/channels/?name=batch-").data().getLong("total")).isEqualTo(3);

    JsonArray invalid = new JsonArray().add(openAi("batch-bad")).add(new JsonObject().put("type", "x"));
    Reply refused = server.post("/api/channels/", invalid);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("[1].type");
    assertThat(server.get("/api/channels/?name=batch-bad").data().getLong("total")).isZero();
  }

  private static List<Integer> ids(JsonObject page) {
    return page.getJsonArray("channels").stream().map(c -> ((JsonObject) c).getInteger("id")).toList();
  }

  private static JsonObject openAi(String name) {
    return new JsonObject()
        .put("type", 1)
        .put("name", name)
        .put("key", "sk-upstream")
        .put("base_url", "https://api.openai.com/v1")
        .put("models", new JsonArray().add("gpt-4o-mini"))
        .put("model_mapping", new JsonObject().put("gpt-4o-mini", "gpt-4o-mini-2024-07-18"))
        .put("priority", 5);
  }
}
