package org.aigateway.relay.monitor;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aigateway.relay.limit.LuaScript;
import org.aigateway.relay.limit.RedisHealth;

/**
 * Outcomes and bans shared by every relay replica. Keys, under the configured prefix:
 * {@code stats:{model}:<channel>} (hash of {@code <slice>:r} and {@code <slice>:e} counts),
 * {@code channels:{model}} and {@code models:<channel>} (sets that let the window of a model and the
 * clearing of a channel find their keys), and one {@code bans} hash of {@code <channel>:<model>} to
 * the ban's end in epoch ms. Each call has a deadline; a failure answers that call from memory and
 * sends the next calls there, one probe per retry interval, as the rate limiter does.
 */
final class RedisMonitorStore implements MonitorStore {

  private static final LuaScript RECORD = LuaScript.resource(RedisMonitorStore.class, "record.lua");
  private static final LuaScript RATES = LuaScript.resource(RedisMonitorStore.class, "rates.lua");
  private static final LuaScript CLEAR = LuaScript.resource(RedisMonitorStore.class, "clear.lua");
  private static final long STATS_TTL_MS = (ErrorWindow.SLICES + 1) * ErrorWindow.SLICE_MS;
  /** Monitor calls are off the request path, so they may wait longer than the limiter's. */
  private static final long TIMEOUT_MS = 1_000;
  private static final long RETRY_MS = 1_000;

  private final Redis redis;
  private final String prefix;
  private final Clock clock;
  private final MemoryMonitorStore fallback;
  private final RedisHealth health;

  RedisMonitorStore(Redis redis, MonitorConfig config, Clock clock, MemoryMonitorStore fallback) {
    this.redis = redis;
    this.prefix = config.redisKeyPrefix();
    this.clock = clock;
    this.fallback = fallback;
    this.health = new RedisHealth(RETRY_MS, "channel error rates and bans");
  }

  @Override
  public Future<Double> record(ModelChannel pair, long requests, long errors) {
    long slice = ErrorWindow.slice(clock.millis());
    return shared(() -> RECORD.eval(redis,
            List.of(stats(pair.model()) + pair.channelId(), channels(pair.model()), models(pair.channelId())),
            String.valueOf(slice), String.valueOf(requests), String.valueOf(errors), String.valueOf(ErrorWindow.SLICES),
            String.valueOf(STATS_TTL_MS), String.valueOf(pair.channelId()), pair.model())
        .map(r -> ErrorWindow.rate(r.get(0).toLong(), r.get(1).toLong())),
        () -> fallback.record(pair, requests, errors));
  }

  @Override
  public Future<Map<Integer, Double>> rates(String model) {
    long slice = ErrorWindow.slice(clock.millis());
    return shared(() -> RATES.eval(redis, List.of(channels(model)), stats(model), String.valueOf(slice),
            String.valueOf(ErrorWindow.SLICES))
        .map(RedisMonitorStore::rates),
        () -> fallback.rates(model));
  }

  @Override
  public Future<Void> ban(ModelChannel pair, long untilMs) {
    return shared(() -> send(Request.cmd(Command.HSET).arg(bansKey()).arg(field(pair)).arg(untilMs)).<Void>mapEmpty(),
        () -> fallback.ban(pair, untilMs));
  }

  @Override
  public Future<Void> unban(ModelChannel pair) {
    return shared(() -> send(Request.cmd(Command.HDEL).arg(bansKey()).arg(field(pair))).<Void>mapEmpty(),
        () -> fallback.unban(pair));
  }

  @Override
  public Future<Map<ModelChannel, Long>> bans() {
    return shared(() -> send(Request.cmd(Command.HGETALL).arg(bansKey())).map(this::inForce),
        fallback::bans);
  }

  @Override
  public Future<Void> clearChannel(int channelId) {
    return shared(() -> CLEAR.eval(redis, List.of(models(channelId), bansKey()), prefix, String.valueOf(channelId))
            .<Void>mapEmpty(),
        () -> fallback.clearChannel(channelId));
  }

  /** The call on Redis, or on memory while Redis is failing (and after this call fails). */
  private <T> Future<T> shared(Supplier<Future<T>> onRedis, Supplier<Future<T>> inMemory) {
    if (!health.tryRedis(clock.millis())) {
      return inMemory.get();
    }
    return onRedis.get()
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(v -> health.succeeded())
        .recover(err -> {
          health.failed(err, clock.millis());
          return inMemory.get();
        });
  }

  private Future<Response> send(Request request) {
    try {
      return redis.send(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The bans not yet over; ended ones are deleted on the way (their end is in the value, not a TTL). */
  private Map<ModelChannel, Long> inForce(Response hash) {
    long now = clock.millis();
    Map<ModelChannel, Long> bans = new HashMap<>();
    for (String field : hash.getKeys()) {
      long until = hash.get(field).toLong();
      if (until > now) {
        int colon = field.indexOf(':');
        bans.put(new ModelChannel(field.substring(colon + 1), Integer.parseInt(field.substring(0, colon))), until);
      } else {
        send(Request.cmd(Command.HDEL).arg(bansKey()).arg(field));
      }
    }
    return bans;
  }

  private static Map<Integer, Double> rates(Response flat) {
    Map<Integer, Double> rates = new HashMap<>();
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      rates.put(flat.get(i).toInteger(), ErrorWindow.rate(flat.get(i + 1).toLong(), flat.get(i + 2).toLong()));
    }
    return rates;
  }

  private String stats(String model) {
    return prefix + "stats:{" + model + "}:";
  }

  private String channels(String model) {
    return prefix + "channels:{" + model + "}";
  }

  private String models(int channelId) {
    return prefix + "models:" + channelId;
  }

  private String bansKey() {
    return prefix + "bans";
  }

  private static String field(ModelChannel pair) {
    return pair.channelId() + ":" + pair.model();
  }
}
