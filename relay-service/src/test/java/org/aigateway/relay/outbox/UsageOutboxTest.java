package org.aigateway.relay.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class UsageOutboxTest {

  private static final String LOG = "test.log.record";
  private static final String BILLING = "test.billing.record";

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private UsageOutbox started(Vertx vertx, OutboxConfig config) {
    UsageOutbox outbox = UsageOutbox.create(vertx, config, List.of(LOG, BILLING), registry);
    Await.result(outbox.start());
    return outbox;
  }

  private OutboxConfig config(long sendTimeoutMs) {
    return new OutboxConfig(50, 20, 50_000, sendTimeoutMs, 200, dir.toString(), 2_000);
  }

  @Test
  @DisplayName("Submitted events reach every consumer in acknowledged batches and nothing stays pending")
  void deliversToEveryConsumer(Vertx vertx) {
    TestConsumer log = new TestConsumer(vertx, LOG).register();
    TestConsumer billing = new TestConsumer(vertx, BILLING).register();
    UsageOutbox outbox = started(vertx, config(1_000));
    List<RelayCompleted> events = TestEvents.events("ok", 230);

    events.forEach(outbox::submit);

    Await.until(() -> outbox.pending(LOG) == 0 && outbox.pending(BILLING) == 0, 10, "acknowledgements");
    assertThat(log.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    assertThat(billing.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    assertThat(log.requests()).isBetween(5, 230);
    assertThat(registry.get("outbox_pending").tag("consumer", LOG).gauge().value()).isZero();
    assertThat(registry.get("outbox_batches_sent").tag("consumer", LOG).counter().count()).isEqualTo(log.requests());
  }

  @Test
  @DisplayName("Events for a consumer that has no handler wait and arrive exactly once when it registers")
  void waitsForAbsentConsumer(Vertx vertx) {
    new TestConsumer(vertx, BILLING).register();
    UsageOutbox outbox = started(vertx, config(1_000));
    List<RelayCompleted> events = TestEvents.events("late", 300);

    events.forEach(outbox::submit);
    Await.until(() -> failures(LOG) >= 3, 10, "retries against the missing consumer");
    assertThat(outbox.pending(LOG)).isEqualTo(300);
    TestConsumer log = new TestConsumer(vertx, LOG).register();

    Await.until(() -> outbox.pending(LOG) == 0, 10, "delivery after the consumer registered");
    assertThat(log.distinct()).containsExactlyInAnyOrderElementsOf(TestEvents.ids(events));
    assertThat(log.acknowledged()).hasSize(300);
  }

  @Test
  @DisplayName("A consumer that answers UNAVAILABLE to its first batches still gets every event")
  void retriesUnavailableConsumer(Vertx vertx) {
    TestConsumer log = new TestConsumer(vertx, LOG).failingFirst(4).register();
    new TestConsumer(vertx, BILLING).register();
    UsageOutbox outbox = started(vertx, config(1_000));
    List<RelayCompleted> events = TestEvents.events("retry", 120);

    events.forEach(outbox::submit);

    Await.until(() -> outbox.pending(LOG) == 0, 10, "delivery after the failures");
    assertThat(log.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    assertThat(failures(LOG)).isEqualTo(4);
  }

  @Test
  @DisplayName("A consumer that never answers does not delay delivery to the other consumer")
  void consumersAreIndependent(Vertx vertx) {
    TestConsumer log = new TestConsumer(vertx, LOG).register();
    TestConsumer billing = new TestConsumer(vertx, BILLING).silent(true).register();
    UsageOutbox outbox = started(vertx, config(20_000));
    List<RelayCompleted> events = TestEvents.events("independent", 200);

    events.forEach(outbox::submit);

    Await.until(() -> outbox.pending(LOG) == 0, 3, "the healthy consumer, well before the other's send timeout");
    assertThat(log.acknowledged()).hasSize(200);
    assertThat(outbox.pending(BILLING)).isEqualTo(200);
    assertThat(billing.requests()).isEqualTo(1);
  }

  @Test
  @DisplayName("A batch the consumer rejects as BAD_REQUEST goes to the dead-letter file and later batches flow")
  void deadLettersRejectedBatch(Vertx vertx) throws Exception {
    TestConsumer log = new TestConsumer(vertx, LOG).rejecting(e -> e.requestId().startsWith("poison")).register();
    new TestConsumer(vertx, BILLING).register();
    UsageOutbox outbox = started(vertx, config(1_000));

    TestEvents.events("before", 10).forEach(outbox::submit);
    Await.until(() -> outbox.pending(LOG) == 0, 10, "the first batch");
    outbox.submit(TestEvents.event("poison-1"));
    Await.until(() -> outbox.pending(LOG) == 0, 10, "the rejected batch to be settled");
    TestEvents.events("after", 10).forEach(outbox::submit);
    Await.until(() -> outbox.pending(LOG) == 0, 10, "the batches after the rejection");

    assertThat(log.acknowledged()).hasSize(20).allMatch(id -> !id.startsWith("poison"));
    assertThat(JournalAssert.ids(dir.resolve(LOG + ".dead.jsonl"))).containsExactly("poison-1");
    assertThat(JournalAssert.lines(dir.resolve(BILLING + ".dead.jsonl"))).isZero();
  }

  @Test
  @DisplayName("submit may be called from several event loops and worker threads at once")
  void submitIsThreadSafe(Vertx vertx) {
    TestConsumer log = new TestConsumer(vertx, LOG).register();
    new TestConsumer(vertx, BILLING).register();
    UsageOutbox outbox = started(vertx, config(1_000));
    List<String> expected = new ArrayList<>();
    List<Runnable> bursts = new ArrayList<>();
    for (int source = 0; source < 8; source++) {
      List<RelayCompleted> events = TestEvents.events("thread" + source, 5_000);
      expected.addAll(TestEvents.ids(events));
      bursts.add(() -> events.forEach(outbox::submit));
    }

    runTogether(vertx, bursts);

    Await.until(() -> log.acknowledged().size() >= 40_000 && outbox.pending(LOG) == 0, 30, "all 40,000 events");
    assertThat(log.acknowledged()).hasSize(40_000).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Starts the bursts at once, spread over plain threads, Vert.x worker threads and event loops. */
  private static void runTogether(Vertx vertx, List<Runnable> bursts) {
    ExecutorService threads = Executors.newFixedThreadPool(bursts.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Runnable> onEventLoops = new ArrayList<>();
    for (int i = 0; i < bursts.size(); i++) {
      Runnable burst = bursts.get(i);
      Runnable gated = () -> {
        awaitQuietly(go);
        burst.run();
      };
      switch (i % 3) {
        case 0 -> threads.submit(gated);
        case 1 -> vertx.executeBlocking(Executors.callable(gated), false);
        default -> onEventLoops.add(burst);
      }
    }
    go.countDown();
    onEventLoops.forEach(burst -> vertx.getOrCreateContext().runOnContext(v -> burst.run()));
    threads.shutdown();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private double failures(String address) {
    return registry.get("outbox_batches_failed").tag("consumer", address).counter().count();
  }
}
