package org.aigateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.runtime.db.Migrator;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MigrationUpgradeTest {

  @Test
  @DisplayName("Spend billed before period spend existed counts towards its calendar month after the upgrade")
  void firstSchemaSpendIsKept(Vertx vertx) {
    BillingFixture fixture = BillingFixture.fresh(vertx,
        new BillingVerticle(new TestClock(Instant.parse("2025-03-20T00:00:00Z"))));
    Await.result(new Migrator(vertx, fixture.pool, "billing").migrate(List.of(BillingVerticle.MIGRATIONS.get(0))));
    fixture.sql("INSERT INTO billing_ledger (request_id, request_at, group_id, token_id, amount) VALUES "
        + "('old-1', '2025-02-27T10:00:00Z', 'g', 9, 4), ('old-2', '2025-03-02T10:00:00Z', 'g', 9, 1.5)");
    fixture.sql("INSERT INTO token_spend (token_id, group_id, used_amount, request_count) VALUES (9, 'g', 5.5, 2)");

    fixture.deployed(new JsonObject().put("BILLING_PORT", -1));

    TokenBalance balance = fixture.balances(new BalanceQuery(0, "", 10)).tokens().get(0);
    assertThat(balance.usedAmount()).isEqualByComparingTo("5.5");
    assertThat(balance.periodType()).isEqualTo("monthly");
    assertThat(balance.periodStart()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z").toEpochMilli());
    assertThat(balance.periodUsedAmount()).isEqualByComparingTo("1.5");
    assertThat(fixture.count("SELECT count(*) FROM billing_ledger WHERE period_start IS NULL")).isZero();
    fixture.close();
  }
}
