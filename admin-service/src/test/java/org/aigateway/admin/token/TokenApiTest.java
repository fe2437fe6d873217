package org.aigateway.admin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.admin.BillingDouble;
import org.aigateway.protocol.command.Spend;
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

class TokenApiTest {

  private static AdminServer server;

  @BeforeAll
  static void start() {
    server = AdminServer.start();
    assertThat(server.post("/api/group/acme", null).status()).isEqualTo(200);
    assertThat(server.post("/api/group/other", null).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A token gets a fresh 48-character alphanumeric key, and no two tokens share one")
  void keyGeneration() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String key = server.post("/api/token/acme", new JsonObject().put("name", "key-" + i)).data().getString("key");
      assertThat(key).hasSize(48).matches("[A-Za-z0-9]{48}");
      keys.add(key);
    }
    assertThat(keys).hasSize(20);
  }

  @Test
  @DisplayName("A token can be created with its limits, read, partially updated, disabled and deleted")
  void crudRoundTrip() {
    JsonObject body = new JsonObject().put("name", "crud").put("quota", 10.5).put("period_quota", 2)
        .put("period_type", "weekly").put("models", new JsonArray().add("gpt-4o"))
        .put("subnets", new JsonArray().add("10.0.0.0/8").add("2001:db8::/32"));
    JsonObject created = server.post("/api/token/acme", body).data();
    long id = created.getLong("id");
    assertThat(created.getString("group")).isEqualTo("acme");
    assertThat(created.getNumber("quota").doubleValue()).isEqualTo(10.5);
    assertThat(created.getString("period_type")).isEqualTo("weekly");
    assertThat(created.getJsonArray("subnets")).containsExactly("10.0.0.0/8", "2001:db8::/32");
    assertThat(created.getNumber("used_amount").doubleValue()).isZero();
    assertThat(server.get("/api/token/acme/" + id).data()).isEqualTo(created);

    JsonObject updated = server.put("/api/token/acme/" + id, new JsonObject().put("name", "crud-2")
        .put("key", "attempted-key-change")).data();
    assertThat(updated.getString("name")).isEqualTo("crud-2");
    assertThat(updated.getString("key")).isEqualTo(created.getString("key"));
    assertThat(updated.getString("period_type")).isEqualTo("weekly");

    assertThat(server.post("/api/token/acme/" + id + "/status", new JsonObject().put("status", 2)).data()
        .getInteger("status")).isEqualTo(2);
    assertThat(server.delete("/api/token/acme/" + id).status()).isEqualTo(200);
    assertThat(server.get("/api/token/acme/" + id).status()).isEqualTo(404);

    String sid = String.valueOf(id);
    ConfigChanged deleted = new ConfigChanged(Kind.TOKEN, sid, Op.DELETE);
    Await.until(() -> server.events().contains(deleted), 5, "token delete event");
    assertThat(server.events()).filteredOn(e -> e.kind() == Kind.TOKEN && e.id().equals(sid))
        .extracting(ConfigChanged::op).containsExactly(Op.UPSERT, Op.UPSERT, Op.UPSERT, Op.DELETE);
  }

  static Stream<Arguments> invalidTokens() {
    return Stream.of(
        Arguments.of(new JsonObject(), "name is required"),
        Arguments.of(new JsonObject().put("name", "n".repeat(33)), "name must be at most 32"),
        Arguments.of(named().put("subnets", new JsonArray().add("10.0.0.0/33")), "subnets contains '10.0.0.0/33'"),
        Arguments.of(named().put("subnets", new JsonArray().add("300.1.1.1/8")), "subnets contains '300.1.1.1/8'"),
        Arguments.of(named().put("subnets", new JsonArray().add("10.0.0.1")), "subnets contains '10.0.0.1'"),
        Arguments.of(named().put("subnets", new JsonArray().add("fe80::1/129")), "subnets contains 'fe80::1/129'"),
        Arguments.of(named().put("subnets", new JsonArray().add("example.com/24")), "subnets contains"),
        Arguments.of(named().put("subnets", "10.0.0.0/8"), "subnets must be a list of strings"),
        Arguments.of(named().put("quota", -1), "quota must not be negative"),
        Arguments.of(named().put("quota", "5"), "quota must be a number"),
        Arguments.of(named().put("period_type", "yearly"), "period_type must be daily, weekly or monthly"),
        Arguments.of(named().put("models", "gpt-4o"), "models must be a list of strings"),
        Arguments.of(named().put("status", 0), "status must be 1"),
        Arguments.of(named().put("rpm", -1), "rpm must not be negative"),
        Arguments.of(named().put("rpm", "3"), "rpm must be an integer"),
        Arguments.of(named().put("tpm", 1.5), "tpm must be an integer"));
  }

  @Test
  @DisplayName("A token's rpm and tpm default to 0, are stored on create, kept by partial updates, validated on update")
  void rateLimits() {
    JsonObject plain = server.post("/api/token/acme", named().put("name", "plain")).data();
    assertThat(plain.getLong("rpm")).isZero();
    assertThat(plain.getLong("tpm")).isZero();
    JsonObject created = server.post("/api/token/acme", named().put("name", "limited").put("rpm", 3)
        .put("tpm", 40_000)).data();
    String path = "/api/token/acme/" + created.getLong("id");
    assertThat(created.getLong("rpm")).isEqualTo(3);
    assertThat(created.getLong("tpm")).isEqualTo(40_000);

    JsonObject renamed = server.put(path, new JsonObject().put("name", "limited-2")).data();
    assertThat(renamed.getLong("rpm")).isEqualTo(3);
    assertThat(renamed.getLong("tpm")).isEqualTo(40_000);
    assertThat(server.put(path, new JsonObject().put("rpm", 0).put("tpm", 5)).data().getLong("tpm")).isEqualTo(5);

    Reply refused = server.put(path, new JsonObject().put("tpm", -5));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("tpm must not be negative");
    assertThat(server.get(path).data().getLong("rpm")).isZero();
    assertThat(server.get(path).data().getLong("tpm")).isEqualTo(5);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidTokens")
  @DisplayName("An invalid token is refused with 400 naming the field, and nothing is stored")
  void validation(JsonObject body, String expected) {
    long before = server.get("/api/token/acme").data().getLong("total");
    Reply reply = server.post("/api/token/acme", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(expected);
    assertThat(server.get("/api/token/acme").data().getLong("total")).isEqualTo(before);
  }

  @Test
  @DisplayName("A token for an unknown group is a 404 unless auto_create_group creates the group")
  void unknownGroup() {
    Reply refused = server.post("/api/token/newcomer", named());
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.message()).contains("group newcomer not found");
    assertThat(server.get("/api/group/newcomer").status()).isEqualTo(404);

    Reply created = server.post("/api/token/newcomer?auto_create_group=true", named());
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.data().getString("group")).isEqualTo("newcomer");
    assertThat(server.get("/api/group/newcomer").status()).isEqualTo(200);
    ConfigChanged groupCreated = new ConfigChanged(Kind.GROUP, "newcomer", Op.UPSERT);
    Await.until(() -> server.events().contains(groupCreated), 5, "group upsert event");
  }

  @Test
  @DisplayName("A second token of the same name in a group is a 409, or the existing one with ignore_exist")
  void duplicateNames() {
    JsonObject first = server.post("/api/token/acme", new JsonObject().put("name", "dup")).data();
    Reply conflict = server.post("/api/token/acme", new JsonObject().put("name", "dup"));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.message()).contains("already exists");

    JsonObject existing = server.post("/api/token/acme?ignore_exist=true", new JsonObject().put("name", "dup")).data();
    assertThat(existing.getLong("id")).isEqualTo(first.getLong("id"));
    assertThat(existing.getString("key")).isEqualTo(first.getString("key"));
    assertThat(server.post("/api/token/other", new JsonObject().put("name", "dup")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A token is only reachable through its own group; bad ids are 400 and unknown ids 404")
  void scopedByGroup() {
    long id = server.post("/api/token/acme", new JsonObject().put("name", "scoped")).data().getLong("id");
    assertThat(server.get("/api/token/other/" + id).status()).isEqualTo(404);
    assertThat(server.delete("/api/token/other/" + id).status()).isEqualTo(404);
    assertThat(server.put("/api/token/other/" + id, new JsonObject()).status()).isEqualTo(404);
    assertThat(server.get("/api/token/acme/" + id).status()).isEqualTo(200);
    assertThat(server.get("/api/token/acme/x1").status()).isEqualTo(400);
    assertThat(server.post("/api/token/acme/999999/status", new JsonObject().put("status", 1)).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Token listings page per group and across groups, filtered by group, name and status")
  void listing() {
    server.post("/api/token/other", new JsonObject().put("name", "list-x"));
    long y = server.post("/api/token/other", new JsonObject().put("name", "list-y")).data().getLong("id");
    server.post("/api/token/acme", new JsonObject().put("name", "list-z"));
    server.post("/api/token/other/" + y + "/status", new JsonObject().put("status", 2));

    JsonObject group = server.get("/api/token/other?name=list-&per_page=1").data();
    assertThat(group.getLong("total")).isEqualTo(2);
    assertThat(group.getJsonArray("tokens")).hasSize(1);
    assertThat(server.get("/api/tokens/?name=list-").data().getLong("total")).isEqualTo(3);
    assertThat(server.get("/api/tokens/?name=list-&group=acme").data().getLong("total")).isEqualTo(1);
    JsonObject disabled = server.get("/api/tokens/?name=list-&status=2").data();
    assertThat(disabled.getJsonArray("tokens").getJsonObject(0).getLong("id")).isEqualTo(y);
  }

  @Test
  @DisplayName("Tokens show the used amount and request count that billing-service reports")
  void usedAmountFromBilling() {
    long id = server.post("/api/token/acme", new JsonObject().put("name", "spender")).data().getLong("id");
    Spend spend = new Spend(new BigDecimal("1.25"), 3);
    try (BillingDouble billing = new BillingDouble(server, Map.of(id, spend), Map.of())) {
      JsonObject token = server.get("/api/token/acme/" + id).data();
      assertThat(token.getNumber("used_amount").doubleValue()).isEqualTo(1.25);
      assertThat(token.getLong("request_count")).isEqualTo(3);
      JsonObject listed = server.get("/api/tokens/?name=spender").data().getJsonArray("tokens").getJsonObject(0);
      assertThat(listed.getNumber("used_amount").doubleValue()).isEqualTo(1.25);
      assertThat(billing.queries()).anySatisfy(q -> assertThat(q.tokenIds()).contains(id));
    }
    Reply withoutBilling = server.get("/api/token/acme/" + id);
    assertThat(withoutBilling.status()).isEqualTo(200);
    assertThat(withoutBilling.data().getNumber("used_amount").doubleValue()).isZero();
  }

  private static JsonObject named() {
    return new JsonObject().put("name", "valid-name");
  }
}
