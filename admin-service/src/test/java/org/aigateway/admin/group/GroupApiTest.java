package org.aigateway.admin.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
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

class GroupApiTest {

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
  @DisplayName("A group can be created with its settings, read, partially updated, disabled and deleted")
  void crudRoundTrip() {
    JsonObject body = new JsonObject().put("rpm_ratio", 2).put("tpm_ratio", 1.5)
        .put("available_sets", new JsonArray().add("default").add("vip"))
        .put("balance_alert_enabled", true).put("balance_alert_threshold", 5.5);
    JsonObject created = server.post("/api/group/acme", body).data();
    assertThat(created.getString("id")).isEqualTo("acme");
    assertThat(created.getDouble("rpm_ratio")).isEqualTo(2.0);
    assertThat(created.getDouble("tpm_ratio")).isEqualTo(1.5);
    assertThat(created.getJsonArray("available_sets")).containsExactly("default", "vip");
    assertThat(created.getBoolean("balance_alert_enabled")).isTrue();
    assertThat(created.getNumber("balance_alert_threshold").doubleValue()).isEqualTo(5.5);
    assertThat(created.getInteger("status")).isEqualTo(1);
    assertThat(server.get("/api/group/acme").data()).isEqualTo(created);

    JsonObject updated = server.put("/api/group/acme", new JsonObject().put("tpm_ratio", 3)).data();
    assertThat(updated.getDouble("tpm_ratio")).isEqualTo(3.0);
    assertThat(updated.getDouble("rpm_ratio")).isEqualTo(2.0);
    assertThat(updated.getJsonArray("available_sets")).containsExactly("default", "vip");

    assertThat(server.post("/api/group/acme/status", new JsonObject().put("status", 2)).data().getInteger("status"))
        .isEqualTo(2);
    assertThat(server.delete("/api/group/acme").status()).isEqualTo(200);
    assertThat(server.get("/api/group/acme").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("A group created with an empty body gets the defaults; creating it twice is a 409")
  void defaultsAndConflict() {
    JsonObject created = server.post("/api/group/plain", null).data();
    assertThat(created.getDouble("rpm_ratio")).isEqualTo(1.0);
    assertThat(created.getJsonArray("available_sets")).containsExactly("default");
    Reply again = server.post("/api/group/plain", new JsonObject());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.message()).contains("already exists");
  }

  static Stream<Arguments> invalidGroups() {
    return Stream.of(
        Arguments.of("/api/group/bad%20id", new JsonObject(), "group must be 1 to 64"),
        Arguments.of("/api/group/" + "g".repeat(65), new JsonObject(), "group must be 1 to 64"),
        Arguments.of("/api/group/ok1", new JsonObject().put("rpm_ratio", "fast"), "rpm_ratio must be a number"),
        Arguments.of("/api/group/ok2", new JsonObject().put("tpm_ratio", -1), "tpm_ratio must not be negative"),
        Arguments.of("/api/group/ok3", new JsonObject().put("available_sets", new JsonArray().add(1)), "available_sets"),
        Arguments.of("/api/group/ok4", new JsonObject().put("balance_alert_enabled", "yes"), "balance_alert_enabled"),
        Arguments.of("/api/group/ok5", new JsonObject().put("balance_alert_threshold", -2),
            "balance_alert_threshold must not be negative"),
        Arguments.of("/api/group/ok6", new JsonObject().put("status", 7), "status must be 1"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidGroups")
  @DisplayName("An invalid group id or setting is a 400 naming it, and no group is created")
  void validation(String path, JsonObject body, String expected) {
    Reply reply = server.post(path, body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(expected);
    assertThat(server.get(path).status()).isIn(400, 404);
  }

  @Test
  @DisplayName("Unknown groups are 404 for read, update, status and delete")
  void unknownGroups() {
    assertThat(server.get("/api/group/nobody").status()).isEqualTo(404);
    assertThat(server.put("/api/group/nobody", new JsonObject()).status()).isEqualTo(404);
    assertThat(server.post("/api/group/nobody/status", new JsonObject().put("status", 1)).status()).isEqualTo(404);
    assertThat(server.delete("/api/group/nobody").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Deleting a group deletes its tokens and announces each token delete and the group delete")
  void deleteCascades() {
    server.post("/api/group/doomed", null);
    long t1 = server.post("/api/token/doomed", new JsonObject().put("name", "a")).data().getLong("id");
    long t2 = server.post("/api/token/doomed", new JsonObject().put("name", "b")).data().getLong("id");

    assertThat(server.delete("/api/group/doomed").status()).isEqualTo(200);

    assertThat(server.get("/api/token/doomed/" + t1).status()).isEqualTo(404);
    assertThat(server.get("/api/tokens/?group=doomed").data().getLong("total")).isZero();
    ConfigChanged groupDeleted = new ConfigChanged(Kind.GROUP, "doomed", Op.DELETE);
    Await.until(() -> server.events().contains(groupDeleted), 5, "group delete event");
    assertThat(server.events()).contains(
        new ConfigChanged(Kind.TOKEN, String.valueOf(t1), Op.DELETE),
        new ConfigChanged(Kind.TOKEN, String.valueOf(t2), Op.DELETE));
  }

  @Test
  @DisplayName("The group listing pages and filters by keyword and status")
  void listing() {
    server.post("/api/group/team-red", null);
    server.post("/api/group/team-blue", null);
    server.post("/api/group/solo", null);
    server.post("/api/group/team-blue/status", new JsonObject().put("status", 2));

    JsonObject teams = server.get("/api/groups/?keyword=team-&per_page=1").data();
    assertThat(teams.getLong("total")).isEqualTo(2);
    assertThat(teams.getJsonArray("groups")).hasSize(1);
    JsonObject disabled = server.get("/api/groups/?keyword=team-&status=2").data();
    assertThat(disabled.getJsonArray("groups").getJsonObject(0).getString("id")).isEqualTo("team-blue");
    assertThat(server.get("/api/groups/?status=two").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("A group shows the used amount billing-service reports, and zero when billing does not answer")
  void usedAmountFromBilling() {
    server.post("/api/group/spender", null);
    assertThat(server.get("/api/group/spender").data().getNumber("used_amount").doubleValue()).isZero();

    Spend spend = new Spend(new BigDecimal("12.5"), 4);
    try (BillingDouble billing = new BillingDouble(server, Map.of(), Map.of("spender", spend))) {
      JsonObject group = server.get("/api/group/spender").data();
      assertThat(group.getNumber("used_amount").doubleValue()).isEqualTo(12.5);
      assertThat(group.getLong("request_count")).isEqualTo(4);
      JsonObject listed = server.get("/api/groups/?keyword=spender").data().getJsonArray("groups").getJsonObject(0);
      assertThat(listed.getNumber("used_amount").doubleValue()).isEqualTo(12.5);
      assertThat(billing.queries()).allSatisfy(q -> assertThat(q.groupIds()).contains("spender"));
    }
  }
}
