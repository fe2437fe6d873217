package org.aigateway.log;

import static org.aigateway.log.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.model.Amount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LogRecordConsumerTest {

  private static final String ROWS_OF = "SELECT count(*) FROM logs WHERE request_id = ANY($1::text[])";
  private static LogFixture fixture;

  @BeforeAll
  static void deploy(Vertx vertx) {
    fixture = LogFixture.start(vertx);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("A batch is stored with every field and acknowledged once committed")
  void storesBatch() {
    RelayCompleted failed = event("rec-1").status(502, "upstream said no").attempt(1, 502, "bad gateway")
        .attempt(2, 502, "bad gateway").attempt(3, 502, "bad gateway").build();
    RelayCompleted ok = event("rec-2").build();

    JsonObject ack = fixture.send(Addresses.LOG_RECORD, List.of(failed, ok));

    assertThat(ack.getInteger("stored")).isEqualTo(2);
    Row row = fixture.sql("SELECT *, (extract(epoch from request_at) * 1000)::bigint AS at_ms FROM logs "
        + "WHERE request_id = $1", "rec-1").iterator().next();
    assertThat(row.getLong("at_ms")).isEqualTo(TestEvents.BASE_TIME);
    assertThat(row.getString("group_id")).isEqualTo("g1");
    assertThat(row.getLong("token_id")).isEqualTo(7L);
    assertThat(row.getString("model")).isEqualTo("gpt-4o");
    assertThat(row.getString("actual_model")).isEqualTo("gpt-4o-mapped");
    assertThat(row.getInteger("code")).isEqualTo(502);
    assertThat(row.getString("content")).isEqualTo("upstream said no");
    assertThat(row.getLong("cached_tokens")).isEqualTo(10L);
    assertThat(row.getLong("reasoning_tokens")).isEqualTo(3L);
    assertThat(row.getInteger("retry_times")).isEqualTo(2);
    assertThat(((JsonArray) row.getValue("attempts"))).hasSize(3);
    assertThat(row.getJsonObject("price").getString("input_price")).isEqualTo("0.002");
    assertThat(row.getBigDecimal("used_amount")).isEqualByComparingTo("0.5");
    assertThat(fixture.sql("SELECT retry_times FROM logs WHERE request_id = $1", "rec-2").iterator().next()
        .getInteger(0)).as("one attempt, no retry").isZero();
  }

  @Test
  @DisplayName("Sending the same batch twice stores each log once")
  void replayIsIdempotent() {
    List<RelayCompleted> batch = List.of(event("replay-1").build(), event("replay-2").build());

    JsonObject first = fixture.send(Addresses.LOG_RECORD, batch);
    JsonObject second = fixture.send(Addresses.LOG_RECORD, batch);

    assertThat(first.getInteger("stored")).isEqualTo(2);
    assertThat(second.getInteger("stored")).isZero();
    assertThat(fixture.count(ROWS_OF, (Object) new String[] {"replay-1", "replay-2"})).isEqualTo(2);
  }

  @Test
  @DisplayName("Duplicate request ids inside one batch are stored once, the first one winning")
  void duplicatesInBatch() {
    RelayCompleted first = event("dup-1").model("first").bodies("{\"a\":1}", "{\"b\":2}").build();
    RelayCompleted again = event("dup-1").model("second").bodies("{\"a\":3}", "{\"b\":4}").build();

    JsonObject ack = fixture.send(Addresses.LOG_RECORD, List.of(first, again, event("dup-2").build()));

    assertThat(ack.getInteger("stored")).isEqualTo(2);
    assertThat(fixture.sql("SELECT model FROM logs WHERE request_id = 'dup-1'").iterator().next().getString(0))
        .isEqualTo("first");
    assertThat(fixture.count("SELECT count(*) FROM request_details d JOIN logs l ON l.id = d.log_id "
        + "WHERE l.request_id = 'dup-1'")).isEqualTo(1);
  }

  @Test
  @DisplayName("Events with bodies get a request_details row once; events without bodies get none")
  void storesBodies() {
    List<RelayCompleted> batch = List.of(event("body-1").bodies("{\"messages\":[]}", "{\"choices\":[]}").build(),
        event("body-2").build(), event("body-3").bodies(null, "{\"error\":{}}").build());

    fixture.send(Addresses.LOG_RECORD, batch);
    fixture.send(Addresses.LOG_RECORD, batch);

    List<String> stored = fixture.sql("SELECT l.request_id || ':' || coalesce(d.request_body, '-') || ':' "
        + "|| d.response_body FROM request_details d JOIN logs l ON l.id = d.log_id "
        + "WHERE l.request_id LIKE 'body-%' ORDER BY l.request_id").stream().map(r -> r.getString(0)).toList();
    assertThat(stored).containsExactly("body-1:{\"messages\":[]}:{\"choices\":[]}", "body-3:-:{\"error\":{}}");
  }

  @Test
  @DisplayName("High-precision amounts are stored exactly, digit for digit")
  void exactAmounts() {
    Amount precise = new Amount(new BigDecimal("0.000000000000000000000000000001"), new BigDecimal("0.1"),
        new BigDecimal("0.2"), new BigDecimal("12345678901234567890.123456789012345678"), BigDecimal.ZERO,
        new BigDecimal("12345678901234567890.423456789012345678000000000001"));

    fixture.send(Addresses.LOG_RECORD, List.of(event("exact-1").amount(precise).build()));

    Row row = fixture.sql("SELECT input_amount::text, output_amount::text, used_amount::text, "
        + "(cached_amount + cache_creation_amount)::text FROM logs WHERE request_id = 'exact-1'").iterator().next();
    assertThat(row.getString(0)).isEqualTo("0.000000000000000000000000000001");
    assertThat(row.getString(1)).isEqualTo("12345678901234567890.123456789012345678");
    assertThat(row.getString(2)).isEqualTo("12345678901234567890.423456789012345678000000000001");
    assertThat(row.getString(3)).isEqualTo("0.3");
  }

  @Test
  @DisplayName("Error content is cut to 1 KB without splitting a character, and NUL characters are dropped")
  void truncatesContent() {
    String longError = "\0" + "é".repeat(2000);

    fixture.send(Addresses.LOG_RECORD, List.of(event("long-1").status(500, longError).build()));

    String content = fixture.sql("SELECT content FROM logs WHERE request_id = 'long-1'").iterator().next()
        .getString(0);
    assertThat(content).isEqualTo("é".repeat(512));
  }

  @Test
  @DisplayName("A body that is not a valid batch fails with BAD_REQUEST and stores nothing of the batch")
  void rejectsMalformed() {
    JsonObject withoutId = new JsonObject().put("v", UsageBatch.VERSION).put("events", new JsonArray()
        .add(event("bad-1").build().toJson()).add(event("x").build().toJson().put("request_id", (String) null)));

    List<Object> bodies = List.of("not a batch", new JsonObject(), UsageBatch.fromJson(withoutId));

    for (Object body : bodies) {
      ReplyException failure = fixture.failure(Addresses.LOG_RECORD, body);
      assertThat(failure.failureCode()).as("failure code for %s", body).isEqualTo(ErrorCode.BAD_REQUEST.code());
    }
    assertThat(fixture.count("SELECT count(*) FROM logs WHERE request_id = 'bad-1'")).isZero();
  }

  @Test
  @DisplayName("A large batch of 2,000 logs is stored whole by its one statement")
  void largeBatch() {
    List<RelayCompleted> batch = IntStream.range(0, 2000).mapToObj(i -> event("big-" + i).build()).toList();

    assertThat(fixture.send(Addresses.LOG_RECORD, batch).getInteger("stored")).isEqualTo(2000);
    assertThat(fixture.count("SELECT count(*) FROM logs WHERE request_id LIKE 'big-%'")).isEqualTo(2000);
  }

  @Test
  @DisplayName("An empty batch is acknowledged without storing anything")
  void emptyBatch() {
    assertThat(fixture.send(Addresses.LOG_RECORD, List.of()).getInteger("stored")).isZero();
  }
}
