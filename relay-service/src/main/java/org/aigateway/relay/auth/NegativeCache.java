package org.aigateway.relay.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys recently found in neither the snapshot nor the database, so that a client retrying with a
 * bad key does not query the database each time. Bounded (oldest entries leave first) and short-lived.
 */
final class NegativeCache {

  private final int maxEntries;
  private final long ttlNanos;
  private final Map<String, Long> expiries;

  NegativeCache(int maxEntries, long ttlMillis) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttlMillis * 1_000_000L;
    this.expiries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > NegativeCache.this.maxEntries;
      }
    };
  }

  synchronized boolean contains(String key) {
    Long expiry = expiries.get(key);
    if (expiry == null) {
      return false;
    }
    if (expiry - System.nanoTime() < 0) {
      expiries.remove(key);
      return false;
    }
    return true;
  }

  synchronized void add(String key) {
    expiries.remove(key);
    expiries.put(key, System.nanoTime() + ttlNanos);
  }

  synchronized void clear() {
    expiries.clear();
  }

  synchronized int size() {
    return expiries.size();
  }
}
