package org.aigateway.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminAuthTest {

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
  @DisplayName("Admin calls without a key or with a wrong key are a 401 in the envelope")
  void refusesMissingOrWrongKey() {
    Reply missing = server.send(server.request(HttpMethod.GET, "/api/channels/"), null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().getBoolean("success")).isFalse();
    assertThat(missing.message()).contains("admin key");
    Reply wrong = server.send(server.request(HttpMethod.GET, "/api/channels/")
        .putHeader("Authorization", "Bearer not-the-key"), null);
    assertThat(wrong.status()).isEqualTo(401);
    Reply wrongQuery = server.send(server.request(HttpMethod.POST, "/api/group/sneaky?key=nope"), null);
    assertThat(wrongQuery.status()).isEqualTo(401);
    assertThat(server.get("/api/group/sneaky").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer " + AdminServer.KEY, AdminServer.KEY, "Bearer sk-" + AdminServer.KEY,
      "sk-" + AdminServer.KEY, "bearer " + AdminServer.KEY})
  @DisplayName("The admin key is accepted as a Bearer token, raw, and with an sk- prefix")
  void acceptsKeyForms(String authorization) {
    Reply reply = server.send(server.request(HttpMethod.GET, "/api/channels/").putHeader("Authorization",
        authorization), null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getBoolean("success")).isTrue();
  }

  @Test
  @DisplayName("The admin key is accepted as a key query parameter")
  void acceptsQueryKey() {
    assertThat(server.send(server.request(HttpMethod.GET, "/api/channels/?key=" + AdminServer.KEY), null).status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("GET /api/status is public and reports the start time in seconds")
  void publicStatus() {
    Reply reply = server.send(server.request(HttpMethod.GET, "/api/status"), null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getBoolean("success")).isTrue();
    long startTime = reply.data().getLong("startTime");
    assertThat(startTime).isBetween(System.currentTimeMillis() / 1000 - 600, System.currentTimeMillis() / 1000);
  }

  @Test
  @DisplayName("An unknown admin path is a 404 in the envelope")
  void unknownPath() {
    Reply reply = server.get("/api/no-such-thing");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getBoolean("success")).isFalse();
  }

  @Test
  @DisplayName("With an empty ADMIN_KEY every admin call is refused, whatever key is sent")
  void emptyAdminKey() {
    try (AdminServer open = AdminServer.start(new JsonObject().put("ADMIN_KEY", ""))) {
      assertThat(open.send(open.request(HttpMethod.GET, "/api/channels/"), null).status()).isEqualTo(401);
      assertThat(open.send(open.request(HttpMethod.GET, "/api/channels/").putHeader("Authorization", "Bearer "), null)
          .status()).isEqualTo(401);
      assertThat(open.send(open.request(HttpMethod.GET, "/api/channels/?key="), null).status()).isEqualTo(401);
      assertThat(open.send(open.request(HttpMethod.GET, "/api/status"), null).status()).isEqualTo(200);
    }
  }
}
