package org.aigateway.relay;

import io.vertx.core.json.JsonObject;

/** Error bodies in the providers' own shapes, for fakes told to fail. */
final class UpstreamErrorBodies {

  private UpstreamErrorBodies() {
  }

  static String error(String type, String message) {
    return new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", message)).encode();
  }

  static String geminiError(int code, String status, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)
        .put("status", status)).encode();
  }
}
