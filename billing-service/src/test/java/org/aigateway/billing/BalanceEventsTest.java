package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** billing-service publishes the new balances of what each batch billed, once, with the right totals. */
@ExtendWith(VertxExtension.class)
class BalanceEventsTest {

  private static final long T = Instant.parse("2025-03-10T12:00:00Z").toEpochMilli();

  private static BillingFixture fixture;
  private static final List<BalanceChanged> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deploy(Vertx vertx) {
    fixture = BillingFixture.fresh(vertx, new BillingVerticle(new TestClock(Instant.ofEpochMilli(T))))
        .deployed(new JsonObject().put("BILLING_PORT", -1));
    fixture.recordBalanceEvents(EVENTS);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("After a batch one event carries each charged token's and group's new totals, once each")
  void oneEventPerBatch() {
    fixture.bill(List.of(charge("e-1", "ea", 11, "1.5", T, "daily", 0), charge("e-2", "ea", 11, "0.25", T, "daily", 0),
        charge("e-3", "eb", 12, "2", T, "monthly", 0), charge("e-4", "eb", 0, "4", T, null, 0)));

    BalanceChanged event = awaitEvent(e -> token(e, 11).isPresent());
    assertThat(event.tokens()).extracting(TokenBalance::tokenId).containsExactly(11L, 12L);
    assertThat(event.groups()).extracting(GroupBalance::groupId).containsExactly("ea", "eb");
    TokenBalance eleven = token(event, 11).orElseThrow();
    assertThat(eleven.usedAmount()).isEqualByComparingTo("1.75");
    assertThat(eleven.requestCount()).isEqualTo(2);
    assertThat(eleven.periodType()).isEqualTo("daily");
    assertThat(eleven.periodStart()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z").toEpochMilli());
    assertThat(eleven.periodUsedAmount()).isEqualByComparingTo("1.75");
    assertThat(group(event, "eb").usedAmount()).as("internal calls count for the group").isEqualByComparingTo("6");
    assertThat(group(event, "eb").requestCount()).isEqualTo(2);

    fixture.bill(List.of(charge("e-5", "ea", 11, "0.25", T, "daily", 0)));
    BalanceChanged next = awaitEvent(e -> token(e, 11).map(t -> t.requestCount() == 3).orElse(false));
    assertThat(token(next, 11).orElseThrow().usedAmount()).as("totals, not deltas").isEqualByComparingTo("2");
    assertThat(group(next, "ea").usedAmount()).isEqualByComparingTo("2");
  }

  @Test
  @DisplayName("A replayed batch bills nothing and publishes nothing")
  void replayPublishesNothing() {
    List<RelayCompleted> batch = List.of(charge("p-1", "pa", 21, "1", T, "daily", 0));
    fixture.bill(batch);
    awaitEvent(e -> token(e, 21).isPresent());

    assertThat(fixture.bill(batch).getInteger("billed")).isZero();
    fixture.bill(List.of(charge("p-2", "pb", 22, "1", T, "daily", 0)));
    awaitEvent(e -> token(e, 22).isPresent());

    assertThat(EVENTS).filteredOn(e -> token(e, 21).isPresent()).hasSize(1);
    assertThat(fixture.spend(List.of(21L), List.of("pa")).token(21).requestCount()).isEqualTo(1);
  }

  private static BalanceChanged awaitEvent(Predicate<BalanceChanged> wanted) {
    Await.until(() -> EVENTS.stream().anyMatch(wanted), 10, "a balance event");
    return EVENTS.stream().filter(wanted).reduce((first, second) -> second).orElseThrow();
  }

  static Optional<TokenBalance> token(BalanceChanged event, long id) {
    return event.tokens().stream().filter(t -> t.tokenId() == id).findFirst();
  }

  static GroupBalance group(BalanceChanged event, String id) {
    return event.groups().stream().filter(g -> g.groupId().equals(id)).findFirst().orElseThrow();
  }
}
