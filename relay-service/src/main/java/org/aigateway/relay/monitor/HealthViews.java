package org.aigateway.relay.monitor;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cache of each model's {@link ModelHealth}: a read returns the cached view at once and,
 * when it is older than the cache age, starts one background refresh from the store (single-flight
 * per model), so that choosing a channel never waits on Redis.
 */
final class HealthViews {

  private static final Logger LOG = LoggerFactory.getLogger(HealthViews.class);
  private static final long STALE = Long.MIN_VALUE / 2;

  private final MonitorStore store;
  private final Breakers breakers;
  private final Clock clock;
  private final long cacheMs;
  private final Map<String, CachedView> views = new ConcurrentHashMap<>();

  HealthViews(MonitorStore store, Breakers breakers, Clock clock, long cacheMs) {
    this.store = store;
    this.breakers = breakers;
    this.clock = clock;
    this.cacheMs = cacheMs;
  }

  ModelHealth view(String model) {
    CachedView cached = views.get(model);
    if (cached == null) {
      cached = views.computeIfAbsent(model, m -> new CachedView(breakers.of(m)));
    }
    if (clock.millis() - cached.fetchedAt >= cacheMs) {
      refresh(model, cached);
    }
    return cached.view;
  }

  /** Whether the cached view of the pair's model has it banned (no store call). */
  boolean banned(ModelChannel pair) {
    CachedView cached = views.get(pair.model());
    return cached != null && cached.view.banned(pair.channelId());
  }

  /** Refreshes the model's view now, so that this instance sees its own ban or unban at once. */
  void expire(String model) {
    CachedView cached = views.get(model);
    if (cached != null) {
      cached.expire();
      refresh(model, cached);
    }
  }

  /** Makes every model's next read refresh its view. */
  void expireAll() {
    views.values().forEach(CachedView::expire);
  }

  private void refresh(String model, CachedView cached) {
    if (!cached.refreshing.compareAndSet(false, true)) {
      return;
    }
    long startedAt = clock.millis();
    long generation = cached.generation.get();
    Future.all(store.rates(model), store.bans()).onComplete(done -> {
      if (done.succeeded()) {
        Map<Integer, Double> rates = done.result().resultAt(0);
        Map<ModelChannel, Long> bans = done.result().resultAt(1);
        cached.view = new ModelHealth(rates, bannedChannels(model, bans), cached.breakers);
      } else {
        LOG.warn("Could not refresh the error rates of model {}", model, done.cause());
      }
      if (cached.generation.get() == generation) {
        cached.fetchedAt = startedAt;
      }
      cached.refreshing.set(false);
    });
  }

  private static Set<Integer> bannedChannels(String model, Map<ModelChannel, Long> bans) {
    Set<Integer> banned = new HashSet<>();
    bans.keySet().forEach(pair -> {
      if (pair.model().equals(model)) {
        banned.add(pair.channelId());
      }
    });
    return banned;
  }

  /** A model's last view and when it was read. */
  private static final class CachedView {

    final Breakers.ModelBreakers breakers;
    final AtomicBoolean refreshing = new AtomicBoolean();
    /** Bumped by {@link #expire}, so that a refresh that started before still leaves the view stale. */
    final AtomicLong generation = new AtomicLong();
    volatile ModelHealth view;
    volatile long fetchedAt = STALE;

    CachedView(Breakers.ModelBreakers breakers) {
      this.breakers = breakers;
      this.view = new ModelHealth(Map.of(), Set.of(), breakers);
    }

    void expire() {
      generation.incrementAndGet();
      fetchedAt = STALE;
    }
  }
}
