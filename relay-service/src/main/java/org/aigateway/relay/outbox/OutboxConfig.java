package org.aigateway.relay.outbox;

import org.aigateway.protocol.config.Settings;

/**
 * Settings of the usage outbox.
 *
 * @param batchSize       events per batch sent to a consumer
 * @param flushIntervalMs how often a partial batch is sent
 * @param maxInMemory     events held in memory per consumer before new ones go to the journal
 * @param sendTimeoutMs   how long a batch waits for its acknowledgement
 * @param maxBackoffMs    the longest pause between retries of a failed batch
 * @param journalDir      folder of the per-consumer journal and dead-letter files
 * @param drainTimeoutMs  how long a graceful stop waits for acknowledgements before spilling
 */
public record OutboxConfig(int batchSize, long flushIntervalMs, int maxInMemory, long sendTimeoutMs,
                           long maxBackoffMs, String journalDir, long drainTimeoutMs) {

  public static OutboxConfig from(Settings s) {
    return new OutboxConfig(
        s.integer("OUTBOX_BATCH_SIZE", 1000),
        s.longValue("OUTBOX_FLUSH_INTERVAL_MS", 100),
        s.integer("OUTBOX_MAX_IN_MEMORY", 10_000),
        s.longValue("OUTBOX_SEND_TIMEOUT_MS", 5_000),
        s.longValue("OUTBOX_MAX_BACKOFF_MS", 10_000),
        s.string("OUTBOX_JOURNAL_DIR", "./data/outbox"),
        s.longValue("OUTBOX_DRAIN_TIMEOUT_MS", 30_000));
  }
}
