package org.aigateway.relay.error;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.convert.ProtocolError;

/** Every error the relay answers on OpenAI routes, with its status, type and code. */
public final class OpenAiErrors {

  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String UPSTREAM = "upstream_error";
  public static final String SERVER = "server_error";
  private static final int MAX_UPSTREAM_MESSAGE = 2_000;

  private OpenAiErrors() {
  }

  public static RelayException missingKey() {
    return new RelayException(401, INVALID_REQUEST, "invalid_api_key", null,
        "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.", null);
  }

  public static RelayException invalidKey(String reason) {
    return new RelayException(401, INVALID_REQUEST, "invalid_api_key", null, reason, null);
  }

  public static RelayException modelNotFound(String model) {
    return new RelayException(404, INVALID_REQUEST, "model_not_found", "model",
        "The model `" + model + "` does not exist or you do not have access to it.", null);
  }

  public static RelayException modelNotOnEndpoint(String model) {
    return new RelayException(404, INVALID_REQUEST, "model_not_found", "model",
        "The model `" + model + "` does not exist on this endpoint.", null);
  }

  public static RelayException badRequest(String message, String param) {
    return new RelayException(400, INVALID_REQUEST, null, param, message, null);
  }

  public static RelayException invalidJson() {
    return new RelayException(400, INVALID_REQUEST, "invalid_json", null,
        "The request body is not valid JSON: send a JSON object.", null);
  }

  public static RelayException tooLarge(long limitBytes) {
    return new RelayException(413, INVALID_REQUEST, "request_too_large", null,
        "The request body exceeds the limit of " + limitBytes / (1024 * 1024) + " MB.", null);
  }

  /** An uploaded PDF larger than the gateway reads (PDF_MAX_SIZE_MB). */
  public static RelayException pdfTooLarge(long limitBytes) {
    return new RelayException(413, INVALID_REQUEST, "pdf_too_large", "file",
        "The PDF exceeds the limit of " + limitBytes / (1024 * 1024) + " MB.", null);
  }

  /** A PDF the gateway cannot read: not a PDF, damaged, encrypted, or over the page limit. */
  public static RelayException unreadablePdf(String reason) {
    return new RelayException(400, INVALID_REQUEST, "invalid_pdf", "file", reason, null);
  }

  public static RelayException unknownRoute(String method, String path) {
    return new RelayException(404, INVALID_REQUEST, "unknown_url", null,
        "Invalid URL (" + method + " " + path + ")", null);
  }

  /** The 501 of OpenAI routes the gateway does not serve (files, fine-tuning, assistants, threads, ...). */
  public static RelayException notImplemented(String method, String path) {
    return new RelayException(501, INVALID_REQUEST, "api_not_implemented", null,
        "API not implemented: " + method + " " + path, null);
  }

  /** A protocol-neutral error (an upstream's error read by a converter) as the relay's failure, keeping its status. */
  public static RelayException from(ProtocolError error) {
    return new RelayException(error.status(), error.type(), error.code(), error.param(), error.message(), null);
  }

  public static RelayException status(int status, String message) {
    return new RelayException(status, status >= 500 ? SERVER : INVALID_REQUEST, null, null, message, null);
  }

  public static RelayException noChannel(String model) {
    return new RelayException(503, UPSTREAM, "no_available_channel", null,
        "No channel can serve the model `" + model + "` right now; please try again later.", null);
  }

  public static RelayException unavailable(String message) {
    return new RelayException(503, SERVER, "service_unavailable", null, message, null);
  }

  public static RelayException upstreamUnreachable(String detail) {
    return new RelayException(502, UPSTREAM, "upstream_unreachable", null,
        "The upstream could not be reached: " + detail, null);
  }

  /** A channel whose settings cannot make an upstream request (its key or URL), as {@code problem} says. */
  public static RelayException misconfigured(Channel channel, RuntimeException problem) {
    return upstreamUnreachable("channel " + channel.id() + " is misconfigured: " + problem.getMessage());
  }

  public static RelayException badUpstreamResponse(String detail) {
    return new RelayException(502, UPSTREAM, "bad_upstream_response", null,
        "The upstream returned an invalid response: " + detail, null);
  }

  public static RelayException upstreamTimeout(String detail) {
    return new RelayException(504, UPSTREAM, "upstream_timeout", null, "The upstream timed out: " + detail, null);
  }

  public static RelayException clientClosed() {
    return new RelayException(499, INVALID_REQUEST, "client_closed_request", null,
        "The client closed the connection.", null);
  }

  public static RelayException internal() {
    return new RelayException(500, SERVER, "internal_error", null, "The gateway failed unexpectedly.", null);
  }

  /**
   * The error an upstream answered with, keeping its status: an OpenAI-shaped body passes through,
   * any other body becomes the message of an {@code upstream_error}.
   */
  public static RelayException fromUpstream(int status, Buffer body) {
    JsonObject json = tryParse(body);
    if (json != null && json.getValue("error") instanceof JsonObject error && error.getValue("message") != null) {
      return new RelayException(status, error.getString("type", UPSTREAM), stringOrNull(error.getValue("code")),
          stringOrNull(error.getValue("param")), String.valueOf(error.getValue("message")), json);
    }
    String text = body == null ? "" : body.toString().strip();
    if (text.length() > MAX_UPSTREAM_MESSAGE) {
      text = text.substring(0, MAX_UPSTREAM_MESSAGE) + "...";
    }
    String message = text.isEmpty() ? "The upstream answered with status " + status + "." : text;
    return new RelayException(status, UPSTREAM, "upstream_status_" + status, null, message, null);
  }

  /** An in-band stream error event's {@code error} object, as a failure with a status guessed from it. */
  public static RelayException inBand(JsonObject error) {
    String message = String.valueOf(error.getValue("message", "The upstream reported an error mid-stream."));
    String code = stringOrNull(error.getValue("code"));
    String type = error.getString("type", UPSTREAM);
    boolean rateLimited = String.valueOf(code).contains("rate_limit") || type.contains("rate_limit");
    return new RelayException(rateLimited ? 429 : 502, type, code, null, message, null);
  }

  private static JsonObject tryParse(Buffer body) {
    String text = body == null ? "" : body.toString().strip();
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
