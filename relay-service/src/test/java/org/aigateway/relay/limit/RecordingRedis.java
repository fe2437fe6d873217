package org.aigateway.relay.limit;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A Redis client that counts what is asked of it and fails every call, as an unreachable server would. */
final class RecordingRedis implements Redis {

  private final AtomicInteger calls = new AtomicInteger();

  int calls() {
    return calls.get();
  }

  @Override
  public Future<RedisConnection> connect() {
    calls.incrementAndGet();
    return Future.failedFuture("recording client: no server");
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Response> send(Request command) {
    calls.incrementAndGet();
    return Future.failedFuture("recording client: no server");
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    calls.incrementAndGet();
    return Future.failedFuture("recording client: no server");
  }
}
