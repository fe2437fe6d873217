package org.aigateway.relay.monitor;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Outcomes and bans of this relay instance only; every call completes at once. */
final class MemoryMonitorStore implements MonitorStore {

  private final Clock clock;
  private final Map<String, Map<Integer, ErrorWindow>> windows = new ConcurrentHashMap<>();
  private final Map<ModelChannel, Long> bans = new ConcurrentHashMap<>();

  MemoryMonitorStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Double> record(ModelChannel pair, long requests, long errors) {
    long now = clock.millis();
    ErrorWindow window = windows.computeIfAbsent(pair.model(), m -> new ConcurrentHashMap<>())
        .computeIfAbsent(pair.channelId(), id -> new ErrorWindow());
    synchronized (window) {
      window.record(now, requests, errors);
      return Future.succeededFuture(window.rate(now));
    }
  }

  @Override
  public Future<Map<Integer, Double>> rates(String model) {
    Map<Integer, ErrorWindow> byChannel = windows.get(model);
    if (byChannel == null) {
      return Future.succeededFuture(Map.of());
    }
    long now = clock.millis();
    Map<Integer, Double> rates = new HashMap<>();
    byChannel.forEach((channel, window) -> {
      synchronized (window) {
        if (window.idle(now)) {
          byChannel.remove(channel, window);
        } else {
          rates.put(channel, window.rate(now));
        }
      }
    });
    return Future.succeededFuture(rates);
  }

  @Override
  public Future<Void> ban(ModelChannel pair, long untilMs) {
    bans.put(pair, untilMs);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> unban(ModelChannel pair) {
    bans.remove(pair);
    return Future.succeededFuture();
  }

  @Override
  public Future<Map<ModelChannel, Long>> bans() {
    long now = clock.millis();
    bans.entrySet().removeIf(ban -> ban.getValue() <= now);
    return Future.succeededFuture(Map.copyOf(bans));
  }

  @Override
  public Future<Void> clearChannel(int channelId) {
    windows.values().forEach(byChannel -> byChannel.remove(channelId));
    bans.keySet().removeIf(pair -> pair.channelId() == channelId);
    return Future.succeededFuture();
  }
}
