package org.aigateway.relay.convert;

import io.vertx.core.json.JsonObject;

/**
 * An error independent of the protocol it came in: the HTTP status (the upstream's, or the one its
 * type implies for errors sent mid-stream), a type, an optional code and param, and the message.
 * Each protocol's error class reads its shape into this record and writes this record in its shape.
 */
public record ProtocolError(int status, String type, String code, String param, String message) {

  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String RATE_LIMIT = "rate_limit_error";
  public static final String SERVER = "server_error";

  /** The error of an OpenAI body {@code {"error":{message,type,code,param}}} answered with {@code status}. */
  public static ProtocolError fromOpenAi(int status, JsonObject body) {
    JsonObject error = body != null && body.getValue("error") instanceof JsonObject e ? e : new JsonObject();
    String message = error.getValue("message") != null ? String.valueOf(error.getValue("message"))
        : "The upstream answered with status " + status + ".";
    String type = Jsons.hasText(error, "type") ? error.getString("type") : openAiType(status);
    return new ProtocolError(status, type, text(error.getValue("code")), text(error.getValue("param")), message);
  }

  /** The error of an OpenAI stream's in-band {@code {"error":{...}}} event, with a status guessed from its type. */
  public static ProtocolError fromOpenAiEvent(JsonObject event) {
    JsonObject error = Jsons.object(event, "error");
    String hint = error.getString("type", "") + " " + text(error.getValue("code"));
    int status = hint.contains("rate_limit") ? 429 : hint.contains(INVALID_REQUEST) ? 400 : 500;
    return fromOpenAi(status, event);
  }

  /** OpenAI's body for this error. */
  public JsonObject toOpenAi() {
    return new JsonObject().put("error", new JsonObject()
        .put("message", message).put("type", type).put("param", param).put("code", code));
  }

  /** The OpenAI error type conventionally used for an HTTP status. */
  public static String openAiType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> RATE_LIMIT;
      default -> status >= 500 ? SERVER : INVALID_REQUEST;
    };
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
