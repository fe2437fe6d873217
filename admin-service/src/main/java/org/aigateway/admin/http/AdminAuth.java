package org.aigateway.admin.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Admits a request when it presents the admin key: {@code Authorization: Bearer <key>}, the raw
 * key in that header, or {@code ?key=<key>}; a leading {@code sk-} is ignored on both sides.
 * With no admin key configured nothing is admitted.
 */
public final class AdminAuth implements Handler<RoutingContext> {

  private final byte[] expected;

  public AdminAuth(String adminKey) {
    String key = normalise(adminKey);
    this.expected = key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (admits(ctx.request())) {
      ctx.next();
    } else {
      ctx.fail(ApiException.unauthorized());
    }
  }

  boolean admits(HttpServerRequest request) {
    if (expected == null) {
      return false;
    }
    String presented = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (presented == null || presented.isBlank()) {
      presented = request.getParam("key");
    }
    String key = normalise(presented);
    return !key.isEmpty() && MessageDigest.isEqual(expected, key.getBytes(StandardCharsets.UTF_8));
  }

  static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    String key = raw.trim();
    if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = key.substring(7).trim();
    }
    return key.startsWith("sk-") ? key.substring(3) : key;
  }
}
