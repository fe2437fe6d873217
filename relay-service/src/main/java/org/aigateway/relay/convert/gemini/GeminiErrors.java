package org.aigateway.relay.convert.gemini;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/**
 * Gemini's (Google API) error shape {@code {"error":{"code","message","status"}}}. Read into a
 * {@link ProtocolError}, the Google status (e.g. {@code RESOURCE_EXHAUSTED}) is the code and the
 * type is the OpenAI type of the HTTP status.
 */
public final class GeminiErrors {

  private static final Map<String, Integer> HTTP_BY_STATUS = Map.ofEntries(
      Map.entry("INVALID_ARGUMENT", 400), Map.entry("FAILED_PRECONDITION", 400), Map.entry("OUT_OF_RANGE", 400),
      Map.entry("UNAUTHENTICATED", 401), Map.entry("PERMISSION_DENIED", 403), Map.entry("NOT_FOUND", 404),
      Map.entry("ABORTED", 409), Map.entry("ALREADY_EXISTS", 409), Map.entry("RESOURCE_EXHAUSTED", 429),
      Map.entry("CANCELLED", 499), Map.entry("INTERNAL", 500), Map.entry("UNKNOWN", 500),
      Map.entry("UNIMPLEMENTED", 501), Map.entry("UNAVAILABLE", 503), Map.entry("DEADLINE_EXCEEDED", 504));

  private GeminiErrors() {
  }

  /** The error of a Gemini error body (also the one-element array form) answered with {@code status}. */
  public static ProtocolError parse(int status, Object body) {
    JsonObject json = body instanceof JsonArray array ? Jsons.first(array)
        : body instanceof JsonObject object ? object : new JsonObject();
    JsonObject error = Jsons.object(json, "error");
    String googleStatus = Jsons.hasText(error, "status") ? error.getString("status") : status(status);
    String message = Jsons.hasText(error, "message") ? error.getString("message")
        : "The upstream answered with status " + status + ".";
    return new ProtocolError(status, ProtocolError.openAiType(status), googleStatus, null, message);
  }

  /** The error of an in-band event, with its {@code code} (else its status's) as HTTP status. */
  public static ProtocolError fromEvent(JsonObject event) {
    JsonObject error = Jsons.object(event, "error");
    long code = Jsons.number(error, "code");
    int status = code >= 400 && code < 600 ? (int) code
        : HTTP_BY_STATUS.getOrDefault(error.getString("status", ""), 500);
    return parse(status, event);
  }

  /** Gemini's body for {@code error}: its code when it is a Google status, else the HTTP status's. */
  public static JsonObject toJson(ProtocolError error) {
    String googleStatus = error.code() != null && HTTP_BY_STATUS.containsKey(error.code()) ? error.code()
        : status(error.status());
    return new JsonObject().put("error", new JsonObject()
        .put("code", error.status()).put("message", error.message()).put("status", googleStatus));
  }

  /** The SSE event carrying {@code error}, as Gemini sends one mid-stream. */
  public static Buffer event(ProtocolError error) {
    return Sse.data(toJson(error));
  }

  /** The Google status for an HTTP status. */
  public static String status(int httpStatus) {
    return switch (httpStatus) {
      case 400, 413, 422 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 499 -> "CANCELLED";
      case 501 -> "UNIMPLEMENTED";
      case 503, 529 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> httpStatus >= 400 && httpStatus < 500 ? "FAILED_PRECONDITION" : "INTERNAL";
    };
  }
}
