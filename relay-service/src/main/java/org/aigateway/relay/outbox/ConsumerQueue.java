package org.aigateway.relay.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.relay.outbox.BatchSender.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of one consumer address: sends its waiting events in batches, at most one in flight,
 * retrying a failed batch with backoff until it is acknowledged. Apart from {@link #counted()} and
 * {@link #pending()}, it is only used on the outbox context.
 */
final class ConsumerQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerQueue.class);

  private final Vertx vertx;
  private final String address;
  private final OutboxConfig config;
  private final AtomicLong pending = new AtomicLong();
  private final OutboxMetrics metrics;
  private final EventStore store;
  private final BatchSender sender;
  private final Backoff backoff;
  private List<RelayCompleted> inFlight = List.of();
  private boolean running;
  private boolean stopped;
  private long flushTimer = -1;
  private long retryTimer = -1;
  private Promise<Void> emptied;

  ConsumerQueue(Vertx vertx, Context context, String address, OutboxConfig config, MeterRegistry registry) {
    this.vertx = vertx;
    this.address = address;
    this.config = config;
    this.metrics = new OutboxMetrics(registry, address, pending);
    this.store = new EventStore(new Journal(context, Path.of(config.journalDir()), address), config, pending, metrics);
    this.sender = new BatchSender(vertx.eventBus(), address, config.sendTimeoutMs());
    this.backoff = new Backoff(config.maxBackoffMs());
  }

  /** Called on the submitting thread, so the count is exact before the event reaches the context. */
  void counted() {
    pending.incrementAndGet();
  }

  long pending() {
    return pending.get();
  }

  Future<Void> start() {
    return store.open().map(v -> {
      running = true;
      flushTimer = vertx.setPeriodic(config.flushIntervalMs(), id -> tick());
      pump();
      return null;
    });
  }

  void add(RelayCompleted event) {
    if (stopped) {
      store.spill(event);
      return;
    }
    store.add(event, running);
    pump();
  }

  /** Flushes, waits for acknowledgements up to the drain timeout, then writes what is left to the journal. */
  Future<Void> drain() {
    Promise<Void> done = Promise.promise();
    emptied = done;
    if (!running || pending.get() == 0) {
      done.tryComplete();
    }
    long timer = vertx.setTimer(config.drainTimeoutMs(), id -> done.tryComplete());
    tick();
    return done.future().compose(v -> {
      vertx.cancelTimer(timer);
      return stop();
    });
  }

  private void tick() {
    store.tick();
    sendNext();
    pump();
  }

  private void pump() {
    if (!running) {
      return;
    }
    store.refill(this::pump);
    if (store.inMemory() >= config.batchSize()) {
      sendNext();
    }
  }

  private void sendNext() {
    if (!running || !inFlight.isEmpty() || store.inMemory() == 0) {
      return;
    }
    inFlight = store.take(config.batchSize());
    deliver();
  }

  private void deliver() {
    List<RelayCompleted> batch = inFlight;
    sender.send(batch).onComplete(ar -> {
      if (stopped) {
        return;
      }
      if (ar.succeeded()) {
        delivered(batch, ar.result());
      } else {
        retryLater(ar.cause());
      }
    });
  }

  private void delivered(List<RelayCompleted> batch, Outcome outcome) {
    backoff.reset();
    if (outcome == Outcome.ACKNOWLEDGED) {
      metrics.batchSent();
      finish(batch);
      return;
    }
    LOG.error("outbox {}: consumer rejected {} events, moving them to the dead-letter file; request ids {}",
        address, batch.size(), ids(batch));
    metrics.deadLettered(batch.size());
    store.deadLetter(batch).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("outbox {}: writing dead letters failed; request ids {}", address, ids(batch), ar.cause());
      }
      if (!stopped) {
        finish(batch);
      }
    });
  }

  private void finish(List<RelayCompleted> batch) {
    store.finished(batch.size());
    inFlight = List.of();
    if (emptied != null && pending.get() == 0) {
      emptied.tryComplete();
    }
    pump();
  }

  private void retryLater(Throwable cause) {
    metrics.batchFailed();
    long delay = backoff.next();
    if (backoff.failures() % 10 == 1) {
      LOG.warn("outbox {}: sending {} events failed ({} times in a row), retrying in {} ms: {}",
          address, inFlight.size(), backoff.failures(), delay, cause.toString());
    }
    retryTimer = vertx.setTimer(delay, id -> deliver());
  }

  private Future<Void> stop() {
    running = false;
    stopped = true;
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(retryTimer);
    metrics.close();
    List<RelayCompleted> unacknowledged = inFlight;
    inFlight = List.of();
    return store.close(unacknowledged);
  }

  private static List<String> ids(List<RelayCompleted> batch) {
    return batch.stream().map(RelayCompleted::requestId).toList();
  }
}
