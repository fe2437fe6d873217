package org.aigateway.relay.responses;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response store of a relay without Redis: a bounded map in this process (the oldest entries
 * are dropped first), so follow-ups must reach the replica that created the response.
 */
final class MemoryResponseStore implements ResponseStore {

  private record Entry(StoredResponse stored, long expiresAtMs, boolean billed) {
  }

  private final Clock clock;
  private final long ttlMs;
  private final Map<String, Entry> entries;

  MemoryResponseStore(ResponseStoreConfig config, Clock clock) {
    this.clock = clock;
    this.ttlMs = config.ttlSeconds() * 1000;
    int max = config.maxEntries();
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > max;
      }
    };
  }

  @Override
  public synchronized Future<Void> put(String responseId, StoredResponse stored) {
    entries.put(responseId, new Entry(stored, clock.millis() + ttlMs, false));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<StoredResponse> get(String responseId) {
    Entry entry = live(responseId);
    return Future.succeededFuture(entry == null ? null : entry.stored());
  }

  /** Marks the entry billed; an unknown or expired entry cannot be billed. */
  @Override
  public synchronized Future<Boolean> claimBilling(String responseId) {
    Entry entry = live(responseId);
    if (entry == null || entry.billed()) {
      return Future.succeededFuture(false);
    }
    entries.put(responseId, new Entry(entry.stored(), entry.expiresAtMs(), true));
    return Future.succeededFuture(true);
  }

  private Entry live(String responseId) {
    Entry entry = entries.get(responseId);
    if (entry != null && entry.expiresAtMs() <= clock.millis()) {
      entries.remove(responseId);
      return null;
    }
    return entry;
  }

  @Override
  public synchronized Future<Void> remove(String responseId) {
    entries.remove(responseId);
    return Future.succeededFuture();
  }
}
