package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SpendQueryConsumerTest {

  private static BillingFixture fixture;

  @BeforeAll
  static void seed(Vertx vertx) {
    fixture = BillingFixture.start(vertx);
    fixture.bill(List.of(charge("s-1", "g1", 1, "0.5"), charge("s-2", "g1", 2, "1.25"), charge("s-3", "g2", 3, "2"),
        charge("s-4", "g1", 1, "0.25")));
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("The spend of the asked tokens and groups is reported with their request counts")
  void reportsSums() {
    SpendReport report = fixture.spend(List.of(1L, 2L), List.of("g1", "g2"));

    assertThat(report.tokens()).containsOnlyKeys(1L, 2L);
    assertThat(report.token(1)).isEqualTo(new Spend(new BigDecimal("0.75"), 2));
    assertThat(report.token(2)).isEqualTo(new Spend(new BigDecimal("1.25"), 1));
    assertThat(report.group("g1")).isEqualTo(new Spend(new BigDecimal("2.00"), 3));
    assertThat(report.group("g2")).isEqualTo(new Spend(new BigDecimal("2"), 1));
  }

  @Test
  @DisplayName("Tokens and groups never billed are absent from the report")
  void missingAreAbsent() {
    SpendReport report = fixture.spend(List.of(3L, 99L), List.of("nobody"));

    assertThat(report.tokens()).containsOnlyKeys(3L);
    assertThat(report.groups()).isEmpty();
    assertThat(report.token(99)).isEqualTo(Spend.NONE);
    assertThat(fixture.spend(List.of(), List.of()).tokens()).isEmpty();
  }

  @Test
  @DisplayName("An invalid spend query fails with BAD_REQUEST")
  void rejectsInvalid() {
    assertThat(fixture.failure(Addresses.BILLING_SPEND_QUERY, "tokens please").failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
    assertThat(fixture.failure(Addresses.BILLING_SPEND_QUERY, new JsonObject().put("v", 1)
        .put("token_ids", new JsonArray().add("one"))).failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
  }
}
