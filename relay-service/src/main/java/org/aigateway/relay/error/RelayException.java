package org.aigateway.relay.error;

import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.ProtocolError;

/**
 * A failure the client sees: an HTTP status and an OpenAI-shaped error body. When the upstream
 * answered with an OpenAI-shaped error, that body is passed through unchanged.
 */
public final class RelayException extends RuntimeException {

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final JsonObject passThrough;

  RelayException(int status, String type, String code, String param, String message, JsonObject passThrough) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.passThrough = passThrough;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  /** The {@code error} object of the body. */
  public JsonObject error() {
    if (passThrough != null) {
      return passThrough.getJsonObject("error");
    }
    return new JsonObject().put("message", getMessage()).put("type", type).put("param", param).put("code", code);
  }

  /** This failure as a protocol-neutral error, to be written in another protocol's shape. */
  public ProtocolError protocolError() {
    return new ProtocolError(status, type, code, param, getMessage());
  }

  /** The whole response body: {@code {"error":{message,type,param,code}}}. */
  public JsonObject body() {
    return passThrough != null ? passThrough : new JsonObject().put("error", error());
  }
}
