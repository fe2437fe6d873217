package org.aigateway.admin.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.aigateway.admin.AdminServer;
import org.aigateway.admin.AdminServer.Reply;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.LogPage;
import org.aigateway.protocol.command.LogQuery;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogApiTest {

  private static final long DAY_MS = 24L * 3600 * 1000;
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
  @DisplayName("A group's log query reaches log-service with every filter mapped, and its page is returned")
  void forwardsQuery() {
    List<LogQuery> seen = new CopyOnWriteArrayList<>();
    JsonArray logs = new JsonArray().add(new JsonObject().put("request_id", "r1").put("code", 500));
    Reply reply = withLogService(seen::add, new LogPage(logs, 42), () -> server.get("/api/log/acme?p=2"
        + "&per_page=500&start_timestamp=1700000000&end_timestamp=1700003600000&model_name=gpt-4o&token_id=7"
        + "&token_name=ci&channel=3&code_type=error&code=500&request_id=r1&order=asc"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.data().getLong("total")).isEqualTo(42);
    assertThat(reply.data().getJsonArray("logs")).isEqualTo(logs);
    assertThat(seen).containsExactly(new LogQuery("acme", "gpt-4o", 7L, "ci", 3, 500, "error", "r1",
        1_700_000_000_000L, 1_700_003_600_000L, 2, 100, true));
  }

  @Test
  @DisplayName("Without filters the query covers the last 7 days of all groups, newest first, 10 per page")
  void defaults() {
    List<LogQuery> seen = new CopyOnWriteArrayList<>();
    long before = System.currentTimeMillis();
    Reply reply = withLogService(seen::add, new LogPage(new JsonArray(), 0), () -> server.get("/api/logs/"));
    assertThat(reply.status()).isEqualTo(200);
    LogQuery query = seen.get(0);
    assertThat(query.group()).isNull();
    assertThat(query.endMs()).isBetween(before, System.currentTimeMillis());
    assertThat(query.endMs() - query.startMs()).isEqualTo(7 * DAY_MS);
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.perPage()).isEqualTo(10);
    assertThat(query.ascending()).isFalse();
    assertThat(query.codeType()).isEqualTo("all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"token_id=abc", "channel=x", "code=2xx", "code_type=bogus", "start_timestamp=yesterday",
      "order=sideways", "start_timestamp=1700003600&end_timestamp=1700000000", "per_page=ten"})
  @DisplayName("Malformed log filters are a 400 naming the parameter, and log-service is not asked")
  void badParameters(String query) {
    List<LogQuery> seen = new CopyOnWriteArrayList<>();
    Reply reply = withLogService(seen::add, new LogPage(new JsonArray(), 0), () -> server.get("/api/logs/?" + query));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(query.substring(0, query.indexOf('=')).replace("end_", "start_"));
    assertThat(seen).isEmpty();
  }

  @Test
  @DisplayName("When no log-service answers, the logs endpoints are a 503 in the envelope")
  void noLogService() {
    Reply reply = server.get("/api/logs/");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().getBoolean("success")).isFalse();
    assertThat(reply.message()).contains("log-service is unavailable");
    assertThat(server.get("/api/log/acme").status()).isEqualTo(503);
  }

  @Test
  @DisplayName("A query log-service refuses as bad is a 400 with its message")
  void refusedByLogService() {
    MessageConsumer<JsonObject> consumer = server.vertx.eventBus().consumer(Addresses.LOG_QUERY,
        message -> message.fail(ErrorCode.BAD_REQUEST.code(), "time range too wide"));
    Await.result(consumer.completion());
    try {
      Reply reply = server.get("/api/logs/");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.message()).contains("time range too wide");
    } finally {
      Await.result(consumer.unregister());
    }
  }

  private static Reply withLogService(Consumer<LogQuery> seen, LogPage page, java.util.function.Supplier<Reply> call) {
    MessageConsumer<JsonObject> consumer = server.vertx.eventBus().consumer(Addresses.LOG_QUERY, message -> {
      seen.accept(LogQuery.fromJson(message.body()));
      message.reply(page.toJson());
    });
    Await.result(consumer.completion());
    try {
      return call.get();
    } finally {
      Await.result(consumer.unregister());
    }
  }
}
