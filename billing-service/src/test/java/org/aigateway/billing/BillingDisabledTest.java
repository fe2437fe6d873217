package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BillingDisabledTest {

  @Test
  @DisplayName("With BILLING_ENABLED=false requests are recorded and counted, once each, but nothing is charged")
  void recordsWithoutCharging(Vertx vertx) {
    BillingFixture fixture = BillingFixture.fresh(vertx)
        .deployed(new JsonObject().put("BILLING_PORT", -1).put("BILLING_ENABLED", "false"));
    List<BalanceChanged> events = new CopyOnWriteArrayList<>();
    fixture.recordBalanceEvents(events);

    List<RelayCompleted> batch = List.of(charge("n-1", "gn", 1, "1.5"),
        charge("n-2", "gn", 1, "2"));
    assertThat(fixture.bill(batch).getInteger("billed")).isEqualTo(2);
    assertThat(fixture.bill(batch).getInteger("billed")).isZero();

    SpendReport report = fixture.spend(List.of(1L), List.of("gn"));
    assertThat(report.token(1).usedAmount()).isEqualByComparingTo("0");
    assertThat(report.token(1).requestCount()).isEqualTo(2);
    assertThat(report.group("gn").usedAmount()).isEqualByComparingTo("0");
    assertThat(fixture.count("SELECT count(*) FROM billing_ledger WHERE NOT charged AND amount > 0"))
        .as("the ledger keeps the would-be amounts").isEqualTo(2);
    Await.until(() -> !events.isEmpty(), 10, "a balance event");
    assertThat(events.get(0).tokens().get(0).usedAmount()).isEqualByComparingTo("0");
    assertThat(events.get(0).tokens().get(0).requestCount()).isEqualTo(2);
    fixture.close();
  }
}
