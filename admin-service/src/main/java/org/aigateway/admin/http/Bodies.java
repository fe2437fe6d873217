package org.aigateway.admin.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The request body as JSON; malformed JSON or the wrong top-level shape is a 400. */
public final class Bodies {

  private Bodies() {
  }

  /** The body as an object; an empty body is an empty object. */
  public static JsonObject object(RoutingContext ctx) {
    Object value = decode(ctx);
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("request body must be a JSON object");
  }

  /** The body as an array; an empty body is a 400. */
  public static JsonArray array(RoutingContext ctx) {
    if (decode(ctx) instanceof JsonArray array) {
      return array;
    }
    throw ApiException.badRequest("request body must be a JSON array");
  }

  private static Object decode(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.toString().isBlank()) {
      return null;
    }
    try {
      return Buffer.buffer(buffer.toString().trim()).toJsonValue();
    } catch (DecodeException e) {
      throw ApiException.badRequest("request body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
