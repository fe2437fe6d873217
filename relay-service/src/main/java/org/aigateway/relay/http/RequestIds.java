package org.aigateway.relay.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request a unique id, returned in {@code X-Request-Id}: the idempotency key of its
 * billing and log records. A millisecond timestamp keeps ids roughly time-ordered; 64 random bits
 * keep them unique across replicas.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ID = "relay.requestId";
  static final String AT = "relay.requestAt";
  static final String START = "relay.startNanos";

  private RequestIds() {
  }

  public static void assign(RoutingContext ctx) {
    assign(ctx, System.currentTimeMillis());
  }

  /** Assigns ids with arrival times from {@code clock} (the time that prices, quota periods and limits use). */
  public static Handler<RoutingContext> assigner(Clock clock) {
    return ctx -> assign(ctx, clock.millis());
  }

  private static void assign(RoutingContext ctx, long arrivedAt) {
    String id = next();
    ctx.put(ID, id);
    ctx.put(AT, arrivedAt);
    ctx.put(START, System.nanoTime());
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  static String next() {
    String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return Long.toHexString(System.currentTimeMillis()) + "0000000000000000".substring(random.length()) + random;
  }
}
