package org.aigateway.relay.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The outbox's meters for one consumer, tagged {@code consumer=<address>}. */
final class OutboxMetrics {

  private final MeterRegistry registry;
  private final Gauge pending;
  private final Counter sent;
  private final Counter failed;
  private final Counter spilled;
  private final Counter deadLettered;

  OutboxMetrics(MeterRegistry registry, String address, AtomicLong pendingCount) {
    this.registry = registry;
    this.pending = Gauge.builder("outbox_pending", pendingCount, AtomicLong::get)
        .description("Usage events not yet acknowledged by the consumer (memory and journal)")
        .tag("consumer", address)
        .strongReference(true)
        .register(registry);
    this.sent = counter("outbox_batches_sent", "Batches acknowledged by the consumer", address);
    this.failed = counter("outbox_batches_failed", "Batch sends that failed and will be retried", address);
    this.spilled = counter("outbox_events_spilled", "Events written to the journal instead of memory", address);
    this.deadLettered = counter("outbox_events_dead_lettered", "Events rejected by the consumer", address);
  }

  private Counter counter(String name, String description, String address) {
    return Counter.builder(name).description(description).tag("consumer", address).register(registry);
  }

  void batchSent() {
    sent.increment();
  }

  void batchFailed() {
    failed.increment();
  }

  void eventSpilled() {
    spilled.increment();
  }

  void deadLettered(int events) {
    deadLettered.increment(events);
  }

  /** Unregisters the gauge so that a later outbox in the same process reports its own count. */
  void close() {
    registry.remove(pending);
  }
}
