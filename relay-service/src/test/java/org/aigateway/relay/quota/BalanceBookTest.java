package org.aigateway.relay.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The balance book follows billing's events and full reports")
class BalanceBookTest {

  private final Vertx vertx = Vertx.vertx();
  /** What the fake billing-service reports, by token id; every token is in group "g". */
  private final Map<Long, TokenBalance> billing = new ConcurrentHashMap<>();
  private final List<BalanceQuery> queries = new CopyOnWriteArrayList<>();
  private BalanceBook book;

  @AfterEach
  void stop() {
    if (book != null) {
      Await.result(book.close());
    }
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("Without billing-service the book starts at once, counts unreported spend as zero, and loads once billing answers")
  void startsWithoutBilling() {
    billing.put(1L, token(1, "0.25", 3));
    book = new BalanceBook(vertx, 60_000);
    Await.result(book.start());
    assertThat(book.loaded()).isFalse();
    assertThat(book.token(1)).isNull();
    assertThat(book.groupUsed("g")).isZero();

    startBilling(2);

    Await.until(book::loaded, 10, "the book to load from billing");
    assertThat(book.token(1).usedAmount()).isEqualByComparingTo("0.25");
    assertThat(book.groupUsed("g")).isEqualByComparingTo("0.25");
  }

  @Test
  @DisplayName("Billing's report is read page by page, in id order, until no page follows")
  void pages() {
    for (long id = 1; id <= 5; id++) {
      billing.put(id, token(id, "1", 1));
    }
    startBilling(2);
    book = new BalanceBook(vertx, 60_000);
    Await.result(book.start());

    Await.until(book::loaded, 10, "the book to load");
    for (long id = 1; id <= 5; id++) {
      assertThat(book.token(id)).as("token %d", id).isNotNull();
    }
    assertThat(queries).extracting(BalanceQuery::afterTokenId).containsExactly(0L, 2L, 4L);
  }

  @Test
  @DisplayName("Events apply at once; a stale report never lowers a total; the periodic resync catches up on lost events")
  void mergesNewest() {
    startBilling(1000);
    book = new BalanceBook(vertx, 200);
    Await.result(book.start());
    Await.until(book::loaded, 10, "the book to load");

    vertx.eventBus().publish(Addresses.BALANCE_CHANGED, new BalanceChanged(List.of(token(9, "3", 30)),
        List.of(new GroupBalance("g", new BigDecimal("3"), 30)), 0).toJson());
    Await.until(() -> book.token(9) != null, 10, "the event to apply");
    assertThat(book.groupUsed("g")).isEqualByComparingTo("3");

    book.apply(new BalanceChanged(List.of(token(9, "1", 10)), List.of(new GroupBalance("g", BigDecimal.ONE, 10)), 0));
    assertThat(book.token(9).usedAmount()).as("an older report").isEqualByComparingTo("3");
    assertThat(book.groupUsed("g")).isEqualByComparingTo("3");

    billing.put(9L, token(9, "5", 50));
    Await.until(() -> book.token(9).usedAmount().compareTo(new BigDecimal("5")) == 0, 10,
        "the resync to report what no event carried");
  }

  @Test
  @DisplayName("A malformed event is ignored and the book keeps working")
  void malformedEvent() {
    book = new BalanceBook(vertx, 60_000);
    Await.result(book.start());
    vertx.eventBus().publish(Addresses.BALANCE_CHANGED, new JsonObject().put("v", 99));
    vertx.eventBus().publish(Addresses.BALANCE_CHANGED, new BalanceChanged(List.of(token(4, "2", 2)), List.of(), 0)
        .toJson());
    Await.until(() -> book.token(4) != null, 10, "the valid event to apply");
  }

  /** Answers balance queries from {@link #billing}, {@code pageSize} tokens a page, the group as their sum. */
  private MessageConsumer<JsonObject> startBilling(int pageSize) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.BILLING_BALANCE_QUERY, message -> {
      BalanceQuery query = BalanceQuery.fromJson(message.body());
      queries.add(query);
      List<TokenBalance> after = new ArrayList<>(billing.values().stream()
          .filter(t -> t.tokenId() > query.afterTokenId())
          .sorted((a, b) -> Long.compare(a.tokenId(), b.tokenId())).toList());
      List<TokenBalance> page = after.subList(0, Math.min(pageSize, after.size()));
      BigDecimal group = billing.values().stream().map(TokenBalance::usedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      long count = billing.values().stream().mapToLong(TokenBalance::requestCount).sum();
      List<GroupBalance> groups = query.afterGroupId().isEmpty() ? List.of(new GroupBalance("g", group, count)) : List.of();
      message.reply(new BalanceSnapshot(page, groups, after.size() > page.size(), false, 0).toJson());
    });
    Await.result(consumer.completion());
    return consumer;
  }

  private static TokenBalance token(long id, String used, long count) {
    return new TokenBalance(id, "g", new BigDecimal(used), count, "monthly", 0, BigDecimal.ZERO);
  }
}
