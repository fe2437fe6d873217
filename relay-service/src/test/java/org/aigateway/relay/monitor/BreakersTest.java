package org.aigateway.relay.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.Supplier;
import org.aigateway.protocol.config.Settings;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The open set the picker reads follows the channel's current breaker only. */
class BreakersTest {

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final Breakers breakers = new Breakers(vertx, MonitorConfig.from(Settings.of(Map.of(
      "CIRCUIT_BREAKER_FAILURES", 1, "CIRCUIT_BREAKER_RESET_MS", 600_000))));

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("An attempt started before its channel was cleared and failing after it does not mark the channel's "
      + "new breaker open")
  void clearedBreakerNoLongerSteers() {
    Promise<Void> inFlight = Promise.promise();
    Future<Void> outcome = onContext(() -> breakers.of("m").of(1).execute(inFlight::future));

    onContext(() -> {
      breakers.clearChannel(1);
      inFlight.fail("upstream failed");
      return Future.succeededFuture();
    });
    Await.until(outcome::isComplete, 10, "the attempt's outcome");

    assertThat(onContext(() -> Future.succeededFuture(breakers.of("m").open(1))).result()).isFalse();
    assertThat(onContext(() -> Future.succeededFuture(breakers.of("m").noneOpen())).result()).isTrue();
  }

  @Test
  @DisplayName("A failure on the current breaker still opens it")
  void currentBreakerOpens() {
    Future<Void> outcome = onContext(() -> breakers.of("m").of(2).execute(() -> Future.failedFuture("down")));
    Await.until(outcome::isComplete, 10, "the attempt's outcome");

    assertThat(onContext(() -> Future.succeededFuture(breakers.of("m").open(2))).result()).isTrue();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<Future<T>> started = Promise.promise();
    context.runOnContext(v -> started.complete(action.get()));
    return Await.result(started.future());
  }
}
