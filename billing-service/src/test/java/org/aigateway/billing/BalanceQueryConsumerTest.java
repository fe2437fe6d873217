package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BalanceQueryConsumerTest {

  @Test
  @DisplayName("The balance query pages through the spend of every token and group, in id order, to the end")
  void pagesThroughEverything(Vertx vertx) {
    BillingFixture fixture = BillingFixture.fresh(vertx,
        new BillingVerticle(new TestClock(Instant.ofEpochMilli(TestEvents.BASE_TIME))))
        .deployed(new JsonObject().put("BILLING_PORT", -1));
    fixture.bill(List.of(charge("q-1", "g1", 1, "1"), charge("q-2", "g1", 2, "2"), charge("q-3", "g2", 3, "3"),
        charge("q-4", "g3", 4, "4"), charge("q-5", "g3", 5, "5"), charge("q-6", "g3", 0, "6"),
        charge("q-7", "g1", 1, "0.5")));

    List<TokenBalance> tokens = new ArrayList<>();
    List<GroupBalance> groups = new ArrayList<>();
    int pages = 0;
    Optional<BalanceQuery> next = Optional.of(new BalanceQuery(0, "", 2));
    while (next.isPresent()) {
      BalanceSnapshot page = fixture.balances(next.get());
      tokens.addAll(page.tokens());
      groups.addAll(page.groups());
      next = page.next(next.get());
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(tokens).extracting(TokenBalance::tokenId).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(tokens.get(0).usedAmount()).isEqualByComparingTo("1.5");
    assertThat(tokens.get(0).requestCount()).isEqualTo(2);
    assertThat(tokens.get(0).periodType()).as("events without a period type count monthly").isEqualTo("monthly");
    assertThat(tokens.get(0).periodUsedAmount()).isEqualByComparingTo("1.5");
    assertThat(groups).extracting(GroupBalance::groupId).containsExactly("g1", "g2", "g3");
    assertThat(groups.get(2).usedAmount()).isEqualByComparingTo("15");
    assertThat(groups.get(2).requestCount()).isEqualTo(3);
    fixture.close();
  }

  @Test
  @DisplayName("An invalid balance query fails with BAD_REQUEST")
  void rejectsInvalid(Vertx vertx) {
    BillingFixture fixture = BillingFixture.start(vertx);

    assertThat(fixture.failure(Addresses.BILLING_BALANCE_QUERY, new JsonObject().put("v", 1).put("limit", 0))
        .failureCode()).isEqualTo(ErrorCode.BAD_REQUEST.code());
    assertThat(fixture.failure(Addresses.BILLING_BALANCE_QUERY, new JsonObject().put("v", 9)).failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
    assertThat(fixture.failure(Addresses.BILLING_BALANCE_QUERY, "everything").failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.code());
    fixture.close();
  }
}
