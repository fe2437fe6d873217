package org.aigateway.relay.outbox;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.aigateway.protocol.event.RelayCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's waiting events in arrival order: in memory up to a bound, beyond it in the journal,
 * loaded back in chunks as memory empties. The journal is emptied only once every event read from
 * it has been finished (acknowledged or dead-lettered). Used on the outbox context only.
 */
final class EventStore {

  private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);

  private final Journal journal;
  private final int maxInMemory;
  private final int lowWater;
  private final AtomicLong pending;
  private final OutboxMetrics metrics;
  private final ArrayDeque<RelayCompleted> memory = new ArrayDeque<>();
  private boolean loading;
  private boolean loadStalled;
  private long taken;
  private long finished;
  private long enqueued;
  private long loadedThrough;

  EventStore(Journal journal, OutboxConfig config, AtomicLong pending, OutboxMetrics metrics) {
    this.journal = journal;
    this.maxInMemory = Math.max(1, config.maxInMemory());
    this.lowWater = Math.max(1, config.batchSize());
    this.pending = pending;
    this.metrics = metrics;
  }

  /** Opens the journal of an earlier run; its events count as pending and are read back first. */
  Future<Void> open() {
    return journal.open().map(lines -> {
      pending.addAndGet(lines);
      return null;
    });
  }

  /** Adds an event; {@code spillAllowed} is false until the journal is open. */
  void add(RelayCompleted event, boolean spillAllowed) {
    if (spillAllowed && (held() >= maxInMemory || journal.hasUnread())) {
      journal.append(event);
      metrics.eventSpilled();
    } else {
      memory.add(event);
      enqueued++;
    }
  }

  /** Writes straight to the journal, for events arriving after the outbox stopped. */
  void spill(RelayCompleted event) {
    journal.append(event);
    metrics.eventSpilled();
  }

  int inMemory() {
    return memory.size();
  }

  /** Removes up to {@code max} of the oldest events from memory, to be sent. */
  List<RelayCompleted> take(int max) {
    List<RelayCompleted> batch = new ArrayList<>(Math.min(max, memory.size()));
    while (batch.size() < max && !memory.isEmpty()) {
      batch.add(memory.poll());
    }
    taken += batch.size();
    return batch;
  }

  /** Taken events that need no more sending: they are acknowledged or dead-lettered. */
  void finished(int events) {
    finished += events;
    pending.addAndGet(-events);
  }

  /** Retries failed journal work on the flush timer rather than in a tight loop. */
  void tick() {
    loadStalled = false;
    journal.flushWrites();
  }

  /** Loads the next chunk of the journal when memory runs low; {@code then} runs after a load. */
  void refill(Runnable then) {
    if (!loading && finished >= loadedThrough) {
      journal.truncateIfRead();
    }
    int room = maxInMemory - held();
    if (loading || loadStalled || room <= 0 || memory.size() >= lowWater || !journal.hasUnread()) {
      return;
    }
    loading = true;
    journal.read(Math.min(room, 4 * lowWater), this::loaded).onComplete(ar -> {
      loading = false;
      if (ar.failed()) {
        LOG.error("outbox journal: reading failed, retrying on the next flush", ar.cause());
        loadStalled = true;
      }
      then.run();
    });
  }

  Future<Void> deadLetter(List<RelayCompleted> events) {
    return journal.deadLetter(events);
  }

  /** Rewrites the journal as {@code inFlight}, memory, then the unread journal: everything not yet finished. */
  Future<Void> close(List<RelayCompleted> inFlight) {
    return journal.rewrite(() -> {
      List<RelayCompleted> events = new ArrayList<>(inFlight);
      events.addAll(memory);
      memory.clear();
      return events;
    });
  }

  private int held() {
    return (int) (memory.size() + taken - finished);
  }

  private void loaded(JournalFiles.Chunk chunk) {
    memory.addAll(chunk.events());
    enqueued += chunk.events().size();
    loadedThrough = enqueued;
    pending.addAndGet(chunk.events().size() - chunk.lines());
    loadStalled = chunk.lines() == 0;
  }
}
