package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.model.TokenBalance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Period spend with an injected clock: it counts within a period and starts again at zero at its boundary. */
@ExtendWith(VertxExtension.class)
class PeriodSpendTest {

  private static final Instant MARCH_10 = Instant.parse("2025-03-10T00:00:00Z");

  private TestClock clock;
  private BillingFixture fixture;

  @BeforeEach
  void deploy(Vertx vertx) {
    clock = new TestClock(Instant.parse("2025-03-10T22:00:00Z"));
    fixture = BillingFixture.fresh(vertx, new BillingVerticle(clock)).deployed(new JsonObject().put("BILLING_PORT", -1));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName("A daily token's period spend resets at midnight UTC while its total keeps growing")
  void dailyReset() {
    long evening = Instant.parse("2025-03-10T21:00:00Z").toEpochMilli();
    fixture.bill(List.of(charge("d-1", "g", 1, "1", evening, "daily", 0)));
    assertThat(balance(1).periodUsedAmount()).isEqualByComparingTo("1");

    clock.set(Instant.parse("2025-03-11T00:00:01Z"));
    TokenBalance afterMidnight = balance(1);
    assertThat(afterMidnight.periodUsedAmount()).isEqualByComparingTo("0");
    assertThat(afterMidnight.periodStart()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z").toEpochMilli());
    assertThat(afterMidnight.usedAmount()).isEqualByComparingTo("1");

    fixture.bill(List.of(charge("d-2", "g", 1, "2", clock.millis(), "daily", 0)));
    TokenBalance nextDay = balance(1);
    assertThat(nextDay.periodUsedAmount()).isEqualByComparingTo("2");
    assertThat(nextDay.usedAmount()).isEqualByComparingTo("3");
  }

  @Test
  @DisplayName("A late charge of an ended period adds to the total but not to the current period")
  void lateCharge() {
    clock.set(Instant.parse("2025-03-11T08:00:00Z"));
    long today = clock.millis();
    long yesterday = Instant.parse("2025-03-10T23:59:59Z").toEpochMilli();
    fixture.bill(List.of(charge("l-1", "g", 2, "5", today, "daily", 0)));
    fixture.bill(List.of(charge("l-2", "g", 2, "7", yesterday, "daily", 0)));

    TokenBalance balance = balance(2);
    assertThat(balance.periodUsedAmount()).isEqualByComparingTo("5");
    assertThat(balance.usedAmount()).isEqualByComparingTo("12");
    assertThat(fixture.count("SELECT count(*) FROM token_period_spend WHERE token_id = 2")).isEqualTo(2);
  }

  @Test
  @DisplayName("A weekly period runs 7×24 h from the token's anchor; a monthly one to the end of the UTC month")
  void weeklyAndMonthly() {
    long anchor = Instant.parse("2025-03-05T15:30:00Z").toEpochMilli();
    long now = clock.millis();
    fixture.bill(List.of(charge("w-1", "g", 3, "1", now, "weekly", anchor),
        charge("m-1", "g", 4, "1", now, "monthly", 0)));

    clock.set(Instant.parse("2025-03-12T15:29:59Z"));
    assertThat(balance(3).periodUsedAmount()).isEqualByComparingTo("1");
    clock.set(Instant.parse("2025-03-12T15:30:00Z"));
    assertThat(balance(3).periodUsedAmount()).isEqualByComparingTo("0");
    assertThat(balance(3).periodStart()).isEqualTo(Instant.parse("2025-03-12T15:30:00Z").toEpochMilli());

    clock.set(Instant.parse("2025-03-31T23:59:59Z"));
    assertThat(balance(4).periodUsedAmount()).isEqualByComparingTo("1");
    clock.set(Instant.parse("2025-04-01T00:00:00Z"));
    assertThat(balance(4).periodUsedAmount()).isEqualByComparingTo("0");
  }

  @Test
  @DisplayName("A token whose period type changes is reported in its new period type from its next request on")
  void periodTypeChange() {
    long now = clock.millis();
    fixture.bill(List.of(charge("c-1", "g", 5, "1", now - 1000, "monthly", 0)));
    fixture.bill(List.of(charge("c-2", "g", 5, "2", now, "daily", 0)));

    TokenBalance balance = balance(5);
    assertThat(balance.periodType()).isEqualTo("daily");
    assertThat(balance.periodStart()).isEqualTo(MARCH_10.toEpochMilli());
    assertThat(balance.periodUsedAmount()).isEqualByComparingTo("2");
  }

  private TokenBalance balance(long tokenId) {
    BalanceSnapshot page = fixture.balances(new BalanceQuery(tokenId - 1, "", 1));
    assertThat(page.tokens()).isNotEmpty();
    assertThat(page.tokens().get(0).tokenId()).isEqualTo(tokenId);
    return page.tokens().get(0);
  }
}
