package org.aigateway.relay.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class OutboxJournalTest {

  private static final String LOG = "test.log.record";

  @TempDir
  Path dir;

  private UsageOutbox started(Vertx vertx, OutboxConfig config) {
    UsageOutbox outbox = UsageOutbox.create(vertx, config, List.of(LOG), new SimpleMeterRegistry());
    Await.result(outbox.start());
    return outbox;
  }

  private OutboxConfig config(int maxInMemory, long drainTimeoutMs) {
    return new OutboxConfig(5, 20, maxInMemory, 1_000, 200, dir.toString(), drainTimeoutMs);
  }

  private Path journal() {
    return dir.resolve(LOG + ".jsonl");
  }

  @Test
  @DisplayName("Beyond the memory bound events spill to the journal and all arrive, in order, once the consumer is up")
  void spillsAndReplaysInOrder(Vertx vertx) {
    UsageOutbox outbox = started(vertx, config(10, 2_000));
    List<RelayCompleted> events = TestEvents.events("spill", 1_000);

    events.forEach(outbox::submit);
    Await.until(() -> JournalAssert.lines(journal()) == 990, 10, "990 events in the journal");
    assertThat(outbox.pending(LOG)).isEqualTo(1_000);
    TestConsumer log = new TestConsumer(vertx, LOG).register();

    Await.until(() -> outbox.pending(LOG) == 0, 20, "every event to be acknowledged");
    assertThat(log.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    Await.until(() -> JournalAssert.lines(journal()) == 0, 30, "the journal to be emptied");
  }

  @Test
  @DisplayName("drain() with the consumer down journals every event and a new outbox on the same folder delivers them")
  void drainsToJournalAndReplaysOnStart(Vertx vertx) {
    UsageOutbox first = started(vertx, config(10, 300));
    List<RelayCompleted> events = TestEvents.events("drained", 100);
    events.forEach(first::submit);

    Await.result(first.drain());

    assertThat(JournalAssert.ids(journal())).containsExactlyElementsOf(TestEvents.ids(events));
    assertThat(first.pending(LOG)).isEqualTo(100);
    TestConsumer log = new TestConsumer(vertx, LOG).register();
    UsageOutbox second = started(vertx, config(10, 2_000));
    Await.until(() -> second.pending(LOG) == 0, 20, "replayed events to be acknowledged");
    assertThat(log.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    Await.until(() -> JournalAssert.lines(journal()) == 0, 30, "the journal to be emptied");
  }

  @Test
  @DisplayName("drain() with the consumer up delivers everything and leaves an empty journal")
  void drainFlushesToHealthyConsumer(Vertx vertx) {
    TestConsumer log = new TestConsumer(vertx, LOG).register();
    UsageOutbox outbox = started(vertx, new OutboxConfig(50, 10_000, 50_000, 1_000, 200, dir.toString(), 5_000));
    List<RelayCompleted> events = TestEvents.events("flushed", 7);
    events.forEach(outbox::submit);

    Await.result(outbox.drain());

    assertThat(outbox.pending(LOG)).isZero();
    assertThat(log.acknowledged()).containsExactlyElementsOf(TestEvents.ids(events));
    assertThat(JournalAssert.lines(journal())).isZero();
  }

  @Test
  @DisplayName("A second outbox on a journal folder in use is refused until the first has drained")
  void oneOutboxPerJournalFolder(Vertx vertx) {
    UsageOutbox first = started(vertx, config(10, 100));
    UsageOutbox second = UsageOutbox.create(vertx, config(10, 100), List.of(LOG), new SimpleMeterRegistry());

    assertThatThrownBy(() -> Await.result(second.start())).hasMessageContaining("another outbox");
    Await.result(second.drain());
    UsageOutbox third = UsageOutbox.create(vertx, config(10, 100), List.of(LOG), new SimpleMeterRegistry());
    assertThatThrownBy(() -> Await.result(third.start())).hasMessageContaining("another outbox");
    Await.result(first.drain());
    Await.result(second.start());
    Await.result(second.drain());
  }

  @Test
  @DisplayName("Events submitted after drain() are still written to the journal")
  void lateEventsAfterDrainAreJournaled(Vertx vertx) {
    UsageOutbox outbox = started(vertx, config(10, 100));
    Await.result(outbox.drain());

    outbox.submit(TestEvents.event("late-1"));

    Await.until(() -> Files.exists(journal()) && JournalAssert.lines(journal()) == 1, 30, "the late event on disk");
    assertThat(JournalAssert.ids(journal())).containsExactly("late-1");
  }
}
