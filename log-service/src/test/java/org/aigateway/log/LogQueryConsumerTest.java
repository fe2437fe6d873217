package org.aigateway.log;

import static org.aigateway.log.TestEvents.BASE_TIME;
import static org.aigateway.log.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.LogPage;
import org.aigateway.protocol.command.LogQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LogQueryConsumerTest {

  private static final long MINUTE = 60_000;
  private static LogFixture fixture;

  @BeforeAll
  static void seed(Vertx vertx) {
    fixture = LogFixture.start(vertx);
    fixture.send(Addresses.LOG_RECORD, List.of(
        event("q1").group("qa").at(BASE_TIME).model("m-a").token(11, "alpha").channel(1).build(),
        event("q2").group("qa").at(BASE_TIME + MINUTE).model("m-b").token(11, "alpha").channel(2).build(),
        event("q3").group("qa").at(BASE_TIME + 2 * MINUTE).model("m-a").token(12, "beta").channel(2)
            .status(500, "boom").build(),
        event("q4").group("qa").at(BASE_TIME + 3 * MINUTE).model("m-a").token(12, "beta").channel(1)
            .status(429, "slow down").build(),
        event("q5").group("qa").at(BASE_TIME + 4 * MINUTE).model("m-b").token(11, "alpha").channel(1).build(),
        event("q6").group("qb").at(BASE_TIME + 5 * MINUTE).model("m-a").token(13, "gamma").channel(1).build()));
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("A group's logs come newest first with the total, or oldest first when asked")
  void ordersByRequestTime() {
    assertThat(ids(search(query("qa")))).containsExactly("q5", "q4", "q3", "q2", "q1");
    assertThat(search(query("qa")).total()).isEqualTo(5);
    assertThat(ids(search(new LogQuery("qa", null, null, null, null, null, "all", null, 0, 0, 1, 10, true))))
        .containsExactly("q1", "q2", "q3", "q4", "q5");
    assertThat(search(query(null)).total()).isEqualTo(6);
  }

  @Test
  @DisplayName("Model, token id, token name, channel and request id filters return only the matching rows")
  void filters() {
    assertThat(ids(search(new LogQuery("qa", "m-a", null, null, null, null, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q4", "q3", "q1");
    assertThat(ids(search(new LogQuery("qa", null, 12L, null, null, null, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q4", "q3");
    assertThat(ids(search(new LogQuery("qa", null, null, "alpha", null, null, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q5", "q2", "q1");
    assertThat(ids(search(new LogQuery("qa", null, null, null, 2, null, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q3", "q2");
    assertThat(ids(search(new LogQuery(null, null, null, null, null, null, null, "q3", 0, 0, 1, 10, false))))
        .containsExactly("q3");
    assertThat(ids(search(new LogQuery(null, "m-a", 13L, "", null, null, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q6");
  }

  @Test
  @DisplayName("code_type success keeps status 200, error keeps the rest, and code matches one status")
  void codeFilters() {
    assertThat(ids(search(new LogQuery("qa", null, null, null, null, null, "success", null, 0, 0, 1, 10, false))))
        .containsExactly("q5", "q2", "q1");
    LogPage errors = search(new LogQuery("qa", null, null, null, null, null, "error", null, 0, 0, 1, 10, false));
    assertThat(ids(errors)).containsExactly("q4", "q3");
    assertThat(errors.total()).isEqualTo(2);
    assertThat(ids(search(new LogQuery("qa", null, null, null, null, 429, null, null, 0, 0, 1, 10, false))))
        .containsExactly("q4");
  }

  @Test
  @DisplayName("A time range keeps the requests made within it, both ends included")
  void timeRange() {
    LogPage page = search(new LogQuery("qa", null, null, null, null, null, "all", null,
        BASE_TIME + MINUTE, BASE_TIME + 3 * MINUTE, 1, 10, false));
    assertThat(ids(page)).containsExactly("q4", "q3", "q2");
    assertThat(page.total()).isEqualTo(3);
    assertThat(ids(search(new LogQuery("qa", null, null, null, null, null, "all", null,
        BASE_TIME + 4 * MINUTE, 0, 1, 10, false)))).containsExactly("q5");
  }

  @Test
  @DisplayName("Pages split the rows in order while the total counts them all")
  void paging() {
    LogPage second = search(new LogQuery("qa", null, null, null, null, null, "all", null, 0, 0, 2, 2, false));
    assertThat(ids(second)).containsExactly("q3", "q2");
    assertThat(second.total()).isEqualTo(5);
    assertThat(ids(search(new LogQuery("qa", null, null, null, null, null, "all", null, 0, 0, 3, 2, false))))
        .containsExactly("q1");
    LogPage beyond = search(new LogQuery("qa", null, null, null, null, null, "all", null, 0, 0, 4, 2, false));
    assertThat(beyond.logs()).isEmpty();
    assertThat(beyond.total()).isEqualTo(5);
  }

  @Test
  @DisplayName("Each log comes in the original's shape: group, channel, ttfb, usage, price, amount, retries")
  void rowShape() {
    JsonObject log = search(new LogQuery(null, null, null, null, null, null, null, "q4", 0, 0, 1, 10, false))
        .logs().getJsonObject(0);
    assertThat(log.getLong("id")).isPositive();
    assertThat(log.getLong("request_at")).isEqualTo(BASE_TIME + 3 * MINUTE);
    assertThat(log.getLong("created_at")).isPositive();
    assertThat(log.getString("group")).isEqualTo("qa");
    assertThat(log.getInteger("channel")).isEqualTo(1);
    assertThat(log.getLong("token_id")).isEqualTo(12L);
    assertThat(log.getString("token_name")).isEqualTo("beta");
    assertThat(log.getString("actual_model")).isEqualTo("m-a-mapped");
    assertThat(log.getInteger("code")).isEqualTo(429);
    assertThat(log.getString("content")).isEqualTo("slow down");
    assertThat(log.getString("endpoint")).isEqualTo("/v1/chat/completions");
    assertThat(log.getString("ip")).isEqualTo("10.0.0.1");
    assertThat(log.getString("upstream_id")).isEqualTo("up-q4");
    assertThat(log.getLong("ttfb_milliseconds")).isEqualTo(120L);
    assertThat(log.getLong("duration_ms")).isEqualTo(900L);
    assertThat(log.getBoolean("stream")).isTrue();
    assertThat(log.getJsonObject("usage").getLong("cache_creation_tokens")).isEqualTo(5L);
    assertThat(log.getJsonObject("price").getString("output_price")).isEqualTo("0.006");
    assertThat(log.getJsonObject("amount").getString("used_amount")).isEqualTo("0.5");
    assertThat(log.getString("used_amount")).isEqualTo("0.5");
    assertThat(log.getInteger("retry_times")).isZero();
    assertThat(log.getJsonArray("attempts")).isEmpty();
  }

  @Test
  @DisplayName("An invalid query fails with BAD_REQUEST")
  void rejectsInvalid() {
    JsonObject badCodeType = query("qa").toJson().put("code_type", "sometimes");
    assertThat(fixture.failure(Addresses.LOG_QUERY, badCodeType).failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
    assertThat(fixture.failure(Addresses.LOG_QUERY, "page 1").failureCode()).isEqualTo(ErrorCode.BAD_REQUEST.code());
    assertThat(fixture.failure(Addresses.LOG_QUERY, new JsonObject()).failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
  }

  private static LogQuery query(String group) {
    return new LogQuery(group, null, null, null, null, null, "all", null, 0, 0, 1, 10, false);
  }

  private static LogPage search(LogQuery query) {
    return LogPage.fromJson(fixture.request(Addresses.LOG_QUERY, query.toJson()));
  }

  private static List<String> ids(LogPage page) {
    return page.logs().stream().map(o -> ((JsonObject) o).getString("request_id")).toList();
  }
}
