package org.aigateway.admin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenLimitApiTest {

  private static AdminServer server;

  @BeforeAll
  static void start() {
    server = AdminServer.start(new JsonObject().put("GROUP_MAX_TOKEN_NUM", 2));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("With GROUP_MAX_TOKEN_NUM=2 a group's third token is refused with 403, other groups are unaffected")
  void limitPerGroup() {
    server.post("/api/group/small", null);
    server.post("/api/group/other", null);
    assertThat(server.post("/api/token/small", new JsonObject().put("name", "a")).status()).isEqualTo(200);
    assertThat(server.post("/api/token/small", new JsonObject().put("name", "b")).status()).isEqualTo(200);

    Reply third = server.post("/api/token/small", new JsonObject().put("name", "c"));
    assertThat(third.status()).isEqualTo(403);
    assertThat(third.message()).contains("group small already has 2 tokens").contains("GROUP_MAX_TOKEN_NUM");
    assertThat(server.post("/api/token/small?ignore_exist=true", new JsonObject().put("name", "a")).status())
        .as("an existing token is still returned").isEqualTo(200);
    assertThat(server.post("/api/token/other", new JsonObject().put("name", "c")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Concurrent creations in one group never exceed GROUP_MAX_TOKEN_NUM together")
  void concurrentCreations() {
    server.post("/api/group/race", null);
    List<Future<HttpResponse<Buffer>>> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sends.add(server.request(HttpMethod.POST, "/api/token/race")
          .putHeader("Authorization", "Bearer " + AdminServer.KEY)
          .sendJsonObject(new JsonObject().put("name", "t" + i)));
    }
    List<HttpResponse<Buffer>> replies = Await.result(Future.all(sends)).list();

    assertThat(replies).filteredOn(r -> r.statusCode() == 200).hasSize(2);
    assertThat(replies).filteredOn(r -> r.statusCode() == 403).hasSize(8);
    assertThat(server.get("/api/token/race").data().getLong("total")).isEqualTo(2);
  }
}
