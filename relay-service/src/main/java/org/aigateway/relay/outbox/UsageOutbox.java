package org.aigateway.relay.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.runtime.cluster.VertxFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every completed request to each consumer address, at least once: batched, acknowledged
 * by a reply, retried with backoff, spilled to a per-consumer journal beyond a memory bound and
 * drained to it on a graceful stop. All state lives on one context (the caller's of
 * {@link #create}); {@link #submit} may be called from any thread.
 * Only one started outbox per journal directory in a process (start() refuses a second until the
 * first has drained): two would write the same files.
 */
public final class UsageOutbox implements UsageSink {

  private static final Logger LOG = LoggerFactory.getLogger(UsageOutbox.class);

  private static final Set<Path> JOURNALS_IN_USE = ConcurrentHashMap.newKeySet();

  private final Context context;
  private final Path journalDir;
  private final Map<String, ConsumerQueue> queues = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<RelayCompleted> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
  private final AtomicBoolean ownsJournal = new AtomicBoolean();

  private UsageOutbox(Vertx vertx, Context context, OutboxConfig config, List<String> addresses,
                      MeterRegistry registry) {
    this.context = context;
    this.journalDir = Path.of(config.journalDir()).toAbsolutePath().normalize();
    addresses.forEach(address -> queues.put(address, new ConsumerQueue(vertx, context, address, config, registry)));
  }

  public static UsageOutbox create(Vertx vertx, OutboxConfig config, List<String> consumerAddresses) {
    return create(vertx, config, consumerAddresses, VertxFactory.METRICS);
  }

  static UsageOutbox create(Vertx vertx, OutboxConfig config, List<String> consumerAddresses,
                            MeterRegistry registry) {
    if (consumerAddresses.isEmpty() || Set.copyOf(consumerAddresses).size() != consumerAddresses.size()) {
      throw new IllegalArgumentException("consumer addresses must be distinct and not empty: " + consumerAddresses);
    }
    return new UsageOutbox(vertx, vertx.getOrCreateContext(), config, consumerAddresses, registry);
  }

  /** Replays journals left by an earlier run, then starts the flush timers. */
  public Future<Void> start() {
    if (!JOURNALS_IN_USE.add(journalDir)) {
      return Future.failedFuture(new IllegalStateException("another outbox of this process uses " + journalDir));
    }
    ownsJournal.set(true);
    return onContext(() -> Future.all(queues.values().stream().map(ConsumerQueue::start).toList()).<Void>mapEmpty())
        .onFailure(e -> releaseJournal());
  }

  @Override
  public void submit(RelayCompleted event) {
    try {
      Objects.requireNonNull(event, "event");
      queues.values().forEach(ConsumerQueue::counted);
      inbox.add(event);
      if (dispatchScheduled.compareAndSet(false, true)) {
        context.runOnContext(v -> dispatch());
      }
    } catch (RuntimeException e) {
      LOG.error("outbox: could not accept a usage event {}", event == null ? null : event.requestId(), e);
    }
  }

  /** Graceful stop: flushes, waits for acknowledgements up to the drain timeout, journals the rest. */
  public Future<Void> drain() {
    return onContext(() -> {
      dispatch();
      return Future.all(queues.values().stream().map(ConsumerQueue::drain).toList()).<Void>mapEmpty();
    }).onComplete(ignored -> releaseJournal());
  }

  /** Events not yet acknowledged by {@code address} (in memory and in the journal). */
  public long pending(String address) {
    ConsumerQueue queue = queues.get(address);
    if (queue == null) {
      throw new IllegalArgumentException("not a consumer of this outbox: " + address);
    }
    return queue.pending();
  }

  private void releaseJournal() {
    if (ownsJournal.compareAndSet(true, false)) {
      JOURNALS_IN_USE.remove(journalDir);
    }
  }

  private void dispatch() {
    dispatchScheduled.set(false);
    for (RelayCompleted event = inbox.poll(); event != null; event = inbox.poll()) {
      for (ConsumerQueue queue : queues.values()) {
        queue.add(event);
      }
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> Future.succeededFuture().compose(ignored -> action.get()).onComplete(promise));
    return promise.future();
  }
}
