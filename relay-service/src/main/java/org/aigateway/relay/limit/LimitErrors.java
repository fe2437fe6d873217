package org.aigateway.relay.limit;

import io.vertx.core.json.JsonObject;

/**
 * The 429 a rate-limited request gets, in OpenAI's error shape with the reference's messages:
 * {@code {"error":{"message":"request rate limit exceeded, please try again later",
 * "type":"aiproxy_error","code":"request_rate_limit_exceeded"}}} and the tpm variant.
 */
public final class LimitErrors {

  public static final int STATUS = 429;
  public static final String TYPE = "aiproxy_error";

  private LimitErrors() {
  }

  public static String message(LimitKind kind) {
    return kind == LimitKind.REQUESTS
        ? "request rate limit exceeded, please try again later"
        : "request tpm limit exceeded, please try again later";
  }

  public static String code(LimitKind kind) {
    return kind == LimitKind.REQUESTS ? "request_rate_limit_exceeded" : "request_tpm_limit_exceeded";
  }

  /** The OpenAI-shaped body for a request refused by {@code kind}. */
  public static JsonObject body(LimitKind kind) {
    return new JsonObject().put("error", new JsonObject()
        .put("message", message(kind))
        .put("type", TYPE)
        .put("code", code(kind)));
  }
}
