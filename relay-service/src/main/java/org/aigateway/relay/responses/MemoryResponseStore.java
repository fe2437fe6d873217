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

  private record Entry(StoredResponse stored, long expiresAtMs) {
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
    entries.put(responseId, new Entry(stored, clock.millis() + ttlMs));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<StoredResponse> get(String responseId) {
    Entry entry = entries.get(responseId);
    if (entry != null && entry.expiresAtMs() <= clock.millis()) {
      entries.remove(responseId);
      entry = null;
    }
    return Future.succeededFuture(entry == null ? null : entry.stored());
  }

  @Override
  public synchronized Future<Void> remove(String responseId) {
    entries.remove(responseId);
    return Future.succeededFuture();
  }
}
