package org.aigateway.relay.monitor;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.adaptor.RelayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's view of how well each channel serves each model: records the outcome of every
 * upstream attempt, bans (model, channel) pairs that keep failing, runs each pair's circuit
 * breaker, and answers the picker from a short-lived local cache so that choosing a channel never
 * waits on the store. A ban never changes the channel's status; probes lift it.
 */
public final class ChannelHealth {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelHealth.class);
  private static final double BAN_JITTER = 0.10;
  /** Held-back successes reach the store within this; the picker's views are older anyway. */
  static final long FLUSH_MS = 1_000;

  private final Vertx vertx;
  private final MonitorStore store;
  private final MonitorConfig config;
  private final Clock clock;
  private final Breakers breakers;
  private final HealthViews views;
  private final Map<ModelChannel, AtomicLong> heldSuccesses = new ConcurrentHashMap<>();
  private long probeTimer = -1;
  private long flushTimer = -1;

  ChannelHealth(Vertx vertx, MonitorStore store, MonitorConfig config, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.breakers = new Breakers(vertx, config);
    this.views = new HealthViews(store, breakers, clock, config.cacheMs());
  }

  /** Shared through {@code redis} when there is one (the caller keeps owning it), per instance otherwise. */
  public static ChannelHealth create(Vertx vertx, Redis redis, MonitorConfig config, Clock clock) {
    MemoryMonitorStore memory = new MemoryMonitorStore(clock);
    MonitorStore store = redis == null ? memory : new RedisMonitorStore(redis, config, clock, memory);
    return new ChannelHealth(vertx, store, config, clock);
  }

  /**
   * The model's error rates, bans and breakers for the picker: from the cache, refreshed in the
   * background once older than {@code CHANNEL_MONITOR_CACHE_MS}.
   */
  public ModelHealth view(String model) {
    return views.view(model);
  }

  /**
   * Counts an attempt's outcome and bans the pair when the channel's rules say so. Never delays the
   * request: the store call and the ban run after it, and their failures are only logged. Successes
   * are held back and written together every {@value #FLUSH_MS} ms (or with the pair's next error),
   * so that a busy relay makes one store call per pair and second, not one per request.
   */
  public void record(String model, Channel channel, RelayResult result) {
    if (!counted(result)) {
      return;
    }
    ModelChannel pair = new ModelChannel(model, channel.id());
    if (!result.failed()) {
      heldSuccesses.computeIfAbsent(pair, p -> new AtomicLong()).incrementAndGet();
      return;
    }
    long successes = takeSuccesses(pair);
    store.record(pair, successes + 1, 1)
        .onSuccess(rate -> {
          String reason = banReason(pair, channel, result.status(), rate);
          if (reason != null) {
            ban(pair, reason);
          }
        })
        .onFailure(err -> LOG.warn("Could not record an outcome of model {} on channel {}", model, channel.id(), err));
  }

  /** Writes the successes held back since the last flush. */
  void flushSuccesses() {
    for (ModelChannel pair : heldSuccesses.keySet()) {
      long successes = takeSuccesses(pair);
      if (successes > 0) {
        store.record(pair, successes, 0)
            .onFailure(err -> LOG.warn("Could not record the successes of model {} on channel {}", pair.model(),
                pair.channelId(), err));
      }
    }
  }

  private long takeSuccesses(ModelChannel pair) {
    AtomicLong held = heldSuccesses.get(pair);
    return held == null ? 0 : held.getAndSet(0);
  }

  /**
   * Runs one attempt through the pair's circuit breaker. A breaker that refuses the call (open and
   * picked anyway as the last fallback, or half-open with its one trial already running) does not
   * fail the request: the attempt goes ahead without the breaker.
   */
  public Future<RelayResult> guard(String model, Channel channel, Supplier<Future<RelayResult>> attempt) {
    if (config.breakerFailures() == 0) {
      return attempt.get();
    }
    return breakers.of(model).of(channel.id())
        .<RelayResult>execute(() -> attempt.get().compose(result -> counted(result) && result.failed()
            ? Future.failedFuture(new FailedAttempt(result)) : Future.succeededFuture(result)))
        .recover(err -> {
          if (err instanceof FailedAttempt failed) {
            return Future.succeededFuture(failed.result);
          }
          return err instanceof OpenCircuitException ? attempt.get() : Future.failedFuture(err);
        });
  }

  /** Forgets a channel's outcomes (those held back too), bans and breakers (it was edited or deleted). */
  public Future<Void> clearChannel(int channelId) {
    heldSuccesses.keySet().removeIf(pair -> pair.channelId() == channelId);
    breakers.clearChannel(channelId);
    return store.clearChannel(channelId)
        .onComplete(done -> views.expireAll());
  }

  /** Every ban in force. */
  Future<Map<ModelChannel, Long>> bans() {
    return store.bans();
  }

  Future<Void> unban(ModelChannel pair, String reason) {
    return store.unban(pair).onSuccess(v -> {
      LOG.info("Lifted the ban of model {} on channel {}: {}", pair.model(), pair.channelId(), reason);
      views.expire(pair.model());
    });
  }

  /** Probes every banned pair every {@code CHANNEL_PROBE_INTERVAL_MS} with {@code prober}, and flushes held successes. */
  public void start(BanProber prober) {
    probeTimer = vertx.setPeriodic(config.probeIntervalMs(), id -> prober.probeAll(this));
    flushTimer = vertx.setPeriodic(FLUSH_MS, id -> flushSuccesses());
  }

  public void close() {
    if (probeTimer >= 0) {
      vertx.cancelTimer(probeTimer);
      vertx.cancelTimer(flushTimer);
    }
    flushSuccesses();
  }

  /**
   * Whether an outcome counts: successes, and failures the retry loop would retry (5xx, 429,
   * timeouts, unreachable upstreams, 401/402/403/404). A bad request (400/413/422/451) says nothing
   * about the channel, nor does a client that left (499).
   */
  static boolean counted(RelayResult result) {
    if (!result.failed()) {
      return true;
    }
    int status = result.status();
    return status != 400 && status != 413 && status != 422 && status != 451 && status != 499;
  }

  /** Why this error bans the pair, {@code null} when it does not. */
  private String banReason(ModelChannel pair, Channel channel, int status, double rate) {
    if (channel.enabledNoPermissionBan() && (status == 401 || status == 402 || status == 403 || status == 404)) {
      return "the upstream answered " + status;
    }
    double banRate = config.banRate(channel);
    if (banRate > 0 && rate >= banRate) {
      return "error rate " + rate + " reached " + banRate;
    }
    return views.banned(pair) ? "it failed again while banned" : null;
  }

  private void ban(ModelChannel pair, String reason) {
    double jitter = 1 - BAN_JITTER + 2 * BAN_JITTER * ThreadLocalRandom.current().nextDouble();
    long ttl = Math.round(config.banMs() * jitter);
    store.ban(pair, clock.millis() + ttl)
        .onSuccess(v -> {
          LOG.warn("Banned model {} on channel {} for {} s: {}", pair.model(), pair.channelId(), ttl / 1000, reason);
          views.expire(pair.model());
        })
        .onFailure(err -> LOG.warn("Could not ban model {} on channel {}", pair.model(), pair.channelId(), err));
  }

  /** An attempt the breaker counts as failed; carries the result so that the relay still answers with it. */
  private static final class FailedAttempt extends RuntimeException {

    final transient RelayResult result;

    FailedAttempt(RelayResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
