package org.aigateway.admin.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.protocol.model.Group;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupBalanceApiTest {

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
  @DisplayName("A group has no balance limit by default; a balance can be set, topped up and lifted again")
  void balanceLifecycle() {
    JsonObject created = server.post("/api/group/wallet", null).data();
    assertThat(created.containsKey("balance")).isTrue();
    assertThat(created.getValue("balance")).isNull();

    assertThat(server.put("/api/group/wallet", new JsonObject().put("balance", 10)).data().getNumber("balance")
        .doubleValue()).isEqualTo(10.0);
    JsonObject toppedUp = server.post("/api/group/wallet/balance", new JsonObject().put("amount", 2.5)).data();
    assertThat(toppedUp.getNumber("balance").doubleValue()).isEqualTo(12.5);
    assertThat(server.put("/api/group/wallet", new JsonObject().put("rpm_ratio", 2)).data().getNumber("balance")
        .doubleValue()).as("an update without balance keeps it").isEqualTo(12.5);

    JsonObject lifted = server.put("/api/group/wallet", new JsonObject().putNull("balance")).data();
    assertThat(lifted.getValue("balance")).isNull();
    Reply unlimited = server.post("/api/group/wallet/balance", new JsonObject().put("amount", 1));
    assertThat(unlimited.status()).isEqualTo(400);
    assertThat(unlimited.message()).contains("has no balance limit");
  }

  @Test
  @DisplayName("A top-up must be more than zero and needs an existing group; a balance must not be negative")
  void invalidBalances() {
    server.post("/api/group/strict", new JsonObject().put("balance", 1));

    assertThat(server.post("/api/group/strict/balance", new JsonObject().put("amount", 0)).message())
        .contains("amount must be more than zero");
    assertThat(server.post("/api/group/strict/balance", new JsonObject().put("amount", -3)).message())
        .contains("amount must not be negative");
    assertThat(server.post("/api/group/strict/balance", new JsonObject()).status()).isEqualTo(400);
    assertThat(server.post("/api/group/nobody/balance", new JsonObject().put("amount", 1)).status()).isEqualTo(404);
    assertThat(server.put("/api/group/strict", new JsonObject().put("balance", -1)).message())
        .contains("balance must not be negative");
    assertThat(server.get("/api/group/strict").data().getNumber("balance").doubleValue()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("The shared ConfigReader reads a group's balance digit for digit")
  void readerSeesExactBalance() {
    String big = "12345678901234567890.123456789012345";
    server.post("/api/group/rich", new JsonObject().put("balance", big));
    server.post("/api/group/rich/balance", new JsonObject().put("amount", "0.000000000000000001"));

    Pool pool = Databases.pool(server.vertx, server.dsn, 1);
    Group group = Await.result(new ConfigReader(pool).group("rich")).orElseThrow();
    Await.result(pool.close());

    assertThat(group.balance()).isEqualByComparingTo(new BigDecimal(big).add(new BigDecimal("0.000000000000000001")));
    assertThat(group.remainingBalance(new BigDecimal("0.123456789012345"))).contains(
        new BigDecimal("12345678901234567890.000000000000000001"));
  }
}
