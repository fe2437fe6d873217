package org.aigateway.relay.monitor;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Vert.x circuit breaker per (model, channel), made on first use. A success resets a breaker's
 * failure count, so it opens after that many consecutive failures; after the reset timeout it is
 * half-open and lets one call through, whose outcome closes or reopens it. The open ones are kept
 * in a set so that the picker can skip them without locking each breaker.
 */
final class Breakers {

  /** Long enough that "consecutive failures" is what counts, not failures per window. */
  private static final long FAILURE_WINDOW_MS = 600_000;

  private final Vertx vertx;
  private final CircuitBreakerOptions options;
  private final Map<String, ModelBreakers> byModel = new ConcurrentHashMap<>();

  Breakers(Vertx vertx, MonitorConfig config) {
    this.vertx = vertx;
    this.options = new CircuitBreakerOptions()
        .setMaxFailures(Math.max(1, config.breakerFailures()))
        .setResetTimeout(config.breakerResetMs())
        .setFailuresRollingWindow(FAILURE_WINDOW_MS)
        .setTimeout(-1)
        .setNotificationAddress(null);
  }

  ModelBreakers of(String model) {
    return byModel.computeIfAbsent(model, m -> new ModelBreakers(this, m));
  }

  void clearChannel(int channelId) {
    byModel.values().forEach(model -> model.clear(channelId));
  }

  /** The breakers of one model's channels. */
  static final class ModelBreakers {

    static final ModelBreakers NONE = new ModelBreakers(null, "");

    private final Breakers owner;
    private final String model;
    private final Map<Integer, CircuitBreaker> byChannel = new ConcurrentHashMap<>();
    private final Set<Integer> open = ConcurrentHashMap.newKeySet();

    private ModelBreakers(Breakers owner, String model) {
      this.owner = owner;
      this.model = model;
    }

    CircuitBreaker of(int channelId) {
      return byChannel.computeIfAbsent(channelId, this::create);
    }

    /**
     * A breaker whose state changes reach the open set only while it is the channel's breaker: one
     * cleared with its channel still hears from attempts that were running and from its reset timer.
     */
    private CircuitBreaker create(int id) {
      CircuitBreaker breaker = CircuitBreaker.create("channel-" + id + "/" + model, owner.vertx, owner.options);
      return breaker
          .openHandler(v -> ifCurrent(id, breaker, () -> open.add(id)))
          .halfOpenHandler(v -> ifCurrent(id, breaker, () -> open.remove(id)))
          .closeHandler(v -> ifCurrent(id, breaker, () -> open.remove(id)));
    }

    private void ifCurrent(int channelId, CircuitBreaker breaker, Runnable change) {
      if (byChannel.get(channelId) == breaker) {
        change.run();
      }
    }

    boolean open(int channelId) {
      return !open.isEmpty() && open.contains(channelId);
    }

    boolean noneOpen() {
      return open.isEmpty();
    }

    private void clear(int channelId) {
      CircuitBreaker breaker = byChannel.remove(channelId);
      open.remove(channelId);
      if (breaker != null) {
        breaker.close();
      }
    }
  }
}
