package org.aigateway.log;

import static org.aigateway.log.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batches delivered concurrently (a retry overtaking a slow first delivery, another relay's outbox)
 * may share request ids in any order; each insert waits for the other's uncommitted rows, so rows
 * taken in different orders would deadlock and fail both deliveries' turn.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentBatchesTest {

  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(20_000);
  private static final String WAITING = "SELECT count(*) FROM pg_stat_activity "
      + "WHERE datname = current_database() AND wait_event_type = 'Lock'";
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
  @DisplayName("Two concurrent batches sharing request ids in opposite orders both commit, storing each log once")
  void overlappingBatchesInOppositeOrders() {
    // A third transaction holds one row so that both batches are caught mid-way, each holding rows the other needs.
    SqlConnection holder = Await.result(fixture.pool.getConnection());
    Transaction tx = Await.result(holder.begin());
    Await.result(holder.query("INSERT INTO logs (request_id, request_at) VALUES ('cc-held', now())").execute());

    Future<JsonObject> first = send(List.of(event("cc-a").build(), event("cc-held").build(), event("cc-b").build()));
    Await.until(() -> fixture.count(WAITING) >= 1, 20, "the first batch waits for the held row");
    Future<JsonObject> second = send(List.of(event("cc-b").build(), event("cc-a").build()));
    Await.until(() -> fixture.count(WAITING) >= 2, 20, "the second batch waits too");
    Await.result(tx.rollback());
    Await.result(holder.close());

    int stored = Await.result(first).getInteger("stored") + Await.result(second).getInteger("stored");
    assertThat(stored).isEqualTo(3);
    assertThat(fixture.count("SELECT count(*) FROM logs WHERE request_id LIKE 'cc-%'")).isEqualTo(3);
  }

  private static Future<JsonObject> send(List<RelayCompleted> events) {
    return fixture.vertx.eventBus().<Object>request(Addresses.LOG_RECORD, new UsageBatch(events), TIMEOUT)
        .map(reply -> (JsonObject) reply.body());
  }
}
