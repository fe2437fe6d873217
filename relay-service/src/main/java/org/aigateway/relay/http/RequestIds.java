package org.aigateway.relay.http;

import io.vertx.ext.web.RoutingContext;
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
    String id = next();
    ctx.put(ID, id);
    ctx.put(AT, System.currentTimeMillis());
    ctx.put(START, System.nanoTime());
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  static String next() {
    String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return Long.toHexString(System.currentTimeMillis()) + "0000000000000000".substring(random.length()) + random;
  }
}
