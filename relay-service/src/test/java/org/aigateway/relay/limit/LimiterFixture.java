package org.aigateway.relay.limit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestRedis;

/**
 * Limiters for one test: each Redis limiter gets its own client (as each relay replica has), all
 * share one clock and one key prefix unique to the test, so runs and tests never see each other's keys.
 */
final class LimiterFixture implements AutoCloseable {

  static final long T0 = 1_700_000_000_250L;
  /** Generous: these tests are about counting; the outage tests use short timeouts. */
  static final long SLOW_TIMEOUT_MS = 5_000;

  final Vertx vertx;
  final MutableClock clock = new MutableClock(T0);
  final String prefix = "test:limit:" + UUID.randomUUID() + ":";
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Redis> clients = new ArrayList<>();
  private final List<RateLimiter> limiters = new ArrayList<>();

  LimiterFixture(Vertx vertx) {
    this.vertx = vertx;
  }

  LimitConfig config(long timeoutMs, long retryMs) {
    return new LimitConfig(timeoutMs, retryMs, prefix, 8);
  }

  /** A limiter on the real Redis through a client of its own. */
  RateLimiter redis() {
    return redis(TestRedis.uri(), config(SLOW_TIMEOUT_MS, 1_000));
  }

  RateLimiter redis(String uri, LimitConfig config) {
    return keep(RateLimiters.create(vertx, client(uri, config), config, clock, registry));
  }

  RateLimiter memory() {
    return keep(RateLimiters.create(vertx, null, config(SLOW_TIMEOUT_MS, 1_000), clock, registry));
  }

  RateLimiter backend(String name) {
    return "redis".equals(name) ? redis() : memory();
  }

  Redis client(String uri, LimitConfig config) {
    Redis client = Redis.createClient(vertx, RateLimiters.redisOptions(uri, config));
    clients.add(client);
    return client;
  }

  /** One command on the real Redis, for looking at what the limiter stored. */
  Response command(Command command, Object... args) {
    Redis client = clients.isEmpty() ? client(TestRedis.uri(), config(SLOW_TIMEOUT_MS, 1_000)) : clients.get(0);
    return Await.result(client.send(Request.cmd(command, args)));
  }

  /** The window keys of {@code key}, as the Redis limiter names them. */
  List<String> keys(LimitKey key) {
    return RedisRateLimiter.keys(prefix, key);
  }

  static String host(String uri) {
    return URI.create(uri).getHost();
  }

  static int port(String uri) {
    return URI.create(uri).getPort();
  }

  private RateLimiter keep(RateLimiter limiter) {
    limiters.add(limiter);
    return limiter;
  }

  @Override
  public void close() {
    limiters.forEach(RateLimiter::close);
    Await.result(Future.join(clients.stream().map(Redis::close).toList()));
  }
}
