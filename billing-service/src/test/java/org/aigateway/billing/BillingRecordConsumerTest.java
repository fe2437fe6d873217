package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BillingRecordConsumerTest {

  private static BillingFixture fixture;

  @BeforeAll
  static void deploy(Vertx vertx) {
    fixture = BillingFixture.start(vertx);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("A batch is billed to its tokens and groups and acknowledged once committed")
  void billsBatch() {
    JsonObject ack = fixture.bill(List.of(charge("b-1", "ga", 101, "1.5"), charge("b-2", "ga", 102, "2.25"),
        charge("b-3", "ga", 101, "0.25")));

    assertThat(ack.getInteger("billed")).isEqualTo(3);
    SpendReport report = fixture.spend(List.of(101L, 102L), List.of("ga"));
    assertSpend(report.token(101), "1.75", 2);
    assertSpend(report.token(102), "2.25", 1);
    assertSpend(report.group("ga"), "4.00", 3);
    assertThat(fixture.count("SELECT count(*) FROM billing_ledger WHERE group_id = 'ga'")).isEqualTo(3);
  }

  @Test
  @DisplayName("Sending the same batch twice bills it once")
  void replayBillsOnce() {
    List<RelayCompleted> batch = List.of(charge("r-1", "gr", 201, "1"), charge("r-2", "gr", 201, "2"));

    JsonObject first = fixture.bill(batch);
    JsonObject second = fixture.bill(batch);

    assertThat(first.getInteger("billed")).isEqualTo(2);
    assertThat(second.getInteger("billed")).isZero();
    assertSpend(fixture.spend(List.of(201L), List.of()).token(201), "3", 2);
    assertSpend(fixture.spend(List.of(), List.of("gr")).group("gr"), "3", 2);
  }

  @Test
  @DisplayName("Duplicate request ids inside one batch, or across overlapping batches, are billed once")
  void duplicatesBillOnce() {
    fixture.bill(List.of(charge("d-1", "gd", 301, "1"), charge("d-1", "gd", 301, "5"), charge("d-2", "gd", 301, "1")));
    fixture.bill(List.of(charge("d-2", "gd", 301, "1"), charge("d-3", "gd", 301, "1")));

    assertSpend(fixture.spend(List.of(301L), List.of()).token(301), "3", 3);
    assertSpend(fixture.spend(List.of(), List.of("gd")).group("gd"), "3", 3);
  }

  @Test
  @DisplayName("The same batch delivered many times at once is billed once")
  void concurrentReplays() {
    List<RelayCompleted> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(charge("c-" + i, "gc", 400 + i % 3, "0.01"));
    }
    UsageBatch body = new UsageBatch(batch);
    List<Future<Message<Object>>> sends = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sends.add(fixture.vertx.eventBus().request(Addresses.BILLING_RECORD, body,
          new DeliveryOptions().setSendTimeout(20_000)));
    }

    List<Message<Object>> replies = Await.result(Future.all(sends)).list();

    int billed = replies.stream().mapToInt(m -> ((JsonObject) m.body()).getInteger("billed")).sum();
    assertThat(billed).isEqualTo(20);
    assertSpend(fixture.spend(List.of(), List.of("gc")).group("gc"), "0.20", 20);
    assertSpend(fixture.spend(List.of(400L), List.of()).token(400), "0.07", 7);
  }

  @Test
  @DisplayName("Amounts sum exactly: 0.1 + 0.2 is 0.3, and thirty decimal places are kept")
  void exactSums() {
    fixture.bill(List.of(charge("x-1", "gx", 501, "0.1"), charge("x-2", "gx", 501, "0.2")));
    fixture.bill(List.of(charge("x-3", "gy", 502, "0.000000000000000000000000000001"),
        charge("x-4", "gy", 502, "12345678901234567890.123456789")));

    SpendReport report = fixture.spend(List.of(501L, 502L), List.of("gx", "gy"));
    assertThat(report.token(501).usedAmount().toPlainString()).isEqualTo("0.3");
    assertThat(report.group("gx").usedAmount().toPlainString()).isEqualTo("0.3");
    assertThat(report.token(502).usedAmount().toPlainString())
        .isEqualTo("12345678901234567890.123456789000000000000000000001");
  }

  @Test
  @DisplayName("Internal calls (token 0) are billed to the ledger and the group, never to a token")
  void internalCalls() {
    fixture.bill(List.of(charge("i-1", "gi", 0, "2.5"), charge("i-2", "gi", 601, "1")));

    SpendReport report = fixture.spend(List.of(0L, 601L), List.of("gi"));
    assertThat(report.tokens()).containsOnlyKeys(601L);
    assertSpend(report.group("gi"), "3.5", 2);
    assertThat(fixture.count("SELECT count(*) FROM billing_ledger WHERE request_id = 'i-1' AND token_id = 0"))
        .isEqualTo(1);
    assertThat(fixture.count("SELECT count(*) FROM token_spend WHERE token_id = 0")).isZero();
  }

  @Test
  @DisplayName("A body that is not a valid batch fails with BAD_REQUEST and bills nothing of the batch")
  void rejectsMalformed() {
    JsonObject good = charge("m-1", "gm", 701, "1").toJson();
    List<Object> bodies = List.of("not a batch", new JsonObject(),
        batch(good, charge("m-2", "gm", 701, "1").toJson().putNull("group_id")),
        batch(good, charge("m-3", "gm", 701, "1").toJson().put("request_id", " ")));

    for (Object body : bodies) {
      assertThat(fixture.failure(Addresses.BILLING_RECORD, body).failureCode()).as("failure code for %s", body)
          .isEqualTo(ErrorCode.BAD_REQUEST.code());
    }
    assertThat(fixture.count("SELECT count(*) FROM billing_ledger WHERE group_id = 'gm'")).isZero();
    assertThat(fixture.spend(List.of(701L), List.of("gm")).groups()).isEmpty();
  }

  private static UsageBatch batch(JsonObject... events) {
    return UsageBatch.fromJson(new JsonObject().put("v", UsageBatch.VERSION)
        .put("events", new JsonArray(List.of((Object[]) events))));
  }

  private static void assertSpend(Spend spend, String amount, long count) {
    assertThat(spend.usedAmount()).isEqualByComparingTo(amount);
    assertThat(spend.requestCount()).isEqualTo(count);
  }
}
