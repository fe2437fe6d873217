package org.aigateway.relay.responses;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * The response store shared by every relay replica: one Redis key per response id, expiring with the
 * TTL, and for a background response whose usage was billed a second key, set once ({@code SET NX}).
 */
final class RedisResponseStore implements ResponseStore {

  private static final String PREFIX = "aigw:response:";
  private static final String BILLED = "aigw:response-billed:";

  private final Redis redis;
  private final long ttlSeconds;

  RedisResponseStore(Redis redis, ResponseStoreConfig config) {
    this.redis = redis;
    this.ttlSeconds = config.ttlSeconds();
  }

  @Override
  public Future<Void> put(String responseId, StoredResponse stored) {
    return redis.send(Request.cmd(Command.SET).arg(PREFIX + responseId).arg(stored.toJson().encode())
        .arg("EX").arg(ttlSeconds)).mapEmpty();
  }

  @Override
  public Future<StoredResponse> get(String responseId) {
    return redis.send(Request.cmd(Command.GET).arg(PREFIX + responseId))
        .map(value -> value == null ? null : StoredResponse.fromJson(new JsonObject(value.toString())));
  }

  @Override
  public Future<Void> remove(String responseId) {
    return redis.send(Request.cmd(Command.DEL).arg(PREFIX + responseId).arg(BILLED + responseId)).mapEmpty();
  }

  @Override
  public Future<Boolean> claimBilling(String responseId) {
    return redis.send(Request.cmd(Command.SET).arg(BILLED + responseId).arg("1").arg("NX").arg("EX").arg(ttlSeconds))
        .map(reply -> reply != null);
  }
}
