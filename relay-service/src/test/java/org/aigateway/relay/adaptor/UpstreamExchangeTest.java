package org.aigateway.relay.adaptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UpstreamExchangeTest {

  private static final Deadlines IDLE_500_MS = new Deadlines(60_000, 500, 60_000);

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("Silence while the relay paused the upstream for a slow client is not idle time; after the pause it is")
  void backPressureIsNotIdle() {
    AtomicBoolean paused = new AtomicBoolean(true);
    UpstreamExchange exchange = new UpstreamExchange(vertx);
    onContext(() -> {
      exchange.start(IDLE_500_MS, paused::get);
      exchange.chunk();
    });

    Await.result(vertx.timer(1_000));
    assertThat(read(exchange::aborted)).isFalse();

    paused.set(false);
    Await.until(() -> read(exchange::aborted), 10, "the idle deadline after the pause");
    assertThat(exchange.failureOf(new RuntimeException("reset")).getMessage()).contains("no stream data for 500 ms");
  }

  @Test
  @DisplayName("The idle watch starts with the first chunk, and every chunk restarts it")
  void chunksKeepTheStreamAlive() {
    UpstreamExchange exchange = new UpstreamExchange(vertx);
    onContext(() -> {
      exchange.start(IDLE_500_MS, () -> false);
      exchange.chunk();
      vertx.setPeriodic(100, id -> exchange.chunk());
    });

    Await.result(vertx.timer(1_500));
    assertThat(read(exchange::aborted)).isFalse();
  }

  private void onContext(Runnable action) {
    Await.result(Future.<Void>future(done -> context.runOnContext(v -> {
      action.run();
      done.complete();
    })));
  }

  private boolean read(BooleanSupplier read) {
    return Await.result(Future.<Boolean>future(done -> context.runOnContext(v -> done.complete(read.getAsBoolean()))));
  }
}
