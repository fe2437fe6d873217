package org.aigateway.relay.convert.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/** Anthropic's error shape {@code {"type":"error","error":{"type","message"}}} and its type/status table. */
public final class AnthropicErrors {

  private static final Map<String, Integer> STATUS_BY_TYPE = Map.of(
      "invalid_request_error", 400, "authentication_error", 401, "billing_error", 402,
      "permission_error", 403, "not_found_error", 404, "request_too_large", 413,
      "rate_limit_error", 429, "api_error", 500, "timeout_error", 504, "overloaded_error", 529);

  private AnthropicErrors() {
  }

  /** The error of an Anthropic error body answered with {@code status}; other bodies keep the status only. */
  public static ProtocolError parse(int status, JsonObject body) {
    JsonObject error = Jsons.object(body, "error");
    String type = Jsons.hasText(error, "type") ? error.getString("type") : type(status);
    String message = Jsons.hasText(error, "message") ? error.getString("message")
        : "The upstream answered with status " + status + ".";
    return new ProtocolError(status, type, null, null, message);
  }

  /** The error of an in-band {@code error} event, with the status its type stands for. */
  public static ProtocolError fromEvent(JsonObject event) {
    String type = Jsons.string(Jsons.object(event, "error"), "type");
    return parse(status(type), event);
  }

  /** Anthropic's body for {@code error}: its type when it is one of Anthropic's, else the status's. */
  public static JsonObject toJson(ProtocolError error) {
    boolean known = error.type() != null && STATUS_BY_TYPE.containsKey(error.type());
    String type = known ? error.type() : type(error.status());
    return new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", error.message()));
  }

  /** The SSE {@code error} event for {@code error}. */
  public static Buffer event(ProtocolError error) {
    return Sse.event("error", toJson(error));
  }

  /** The HTTP status Anthropic uses for an error type; unknown types count as 500. */
  public static int status(String type) {
    return type == null ? 500 : STATUS_BY_TYPE.getOrDefault(type, 500);
  }

  /** Anthropic's error type for an HTTP status. */
  public static String type(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 402 -> "billing_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 504 -> "timeout_error";
      case 503, 529 -> "overloaded_error";
      default -> status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
    };
  }
}
