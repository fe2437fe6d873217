package org.aigateway.admin.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The admin API's response shape: {@code {"success": bool, "message": string, "data": any}}. */
public final class Envelope {

  private Envelope() {
  }

  /** 200 with {@code data} (a JsonObject, JsonArray, or null). */
  public static void ok(RoutingContext ctx, Object data) {
    send(ctx, 200, new JsonObject().put("success", true).put("message", "").put("data", data));
  }

  public static void fail(RoutingContext ctx, int status, String message) {
    send(ctx, status, new JsonObject().put("success", false).put("message", message).putNull("data"));
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }
}
