package org.aigateway.relay.error;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.anthropic.AnthropicErrors;
import org.aigateway.relay.convert.gemini.GeminiErrors;

/**
 * The protocol a client speaks on a route; it decides the shape of every error the client receives,
 * whether the gateway or an upstream raised it: OpenAI {@code {"error":{message,type,param,code}}},
 * Anthropic {@code {"type":"error","error":{type,message}}}, Gemini {@code {"error":{code,message,status}}}.
 */
public enum ClientProtocol {

  OPENAI {
    @Override
    public JsonObject body(RelayException error) {
      return error.body();
    }
  },

  ANTHROPIC {
    /** The error's own type when Anthropic uses it for this status (an upstream Anthropic error), else the status's type. */
    @Override
    public JsonObject body(RelayException error) {
      String type = error.type() != null && AnthropicErrors.status(error.type()) == error.status()
          ? error.type() : AnthropicErrors.type(error.status());
      return AnthropicErrors.toJson(new ProtocolError(error.status(), type, null, null, error.getMessage()));
    }
  },

  GEMINI {
    @Override
    public JsonObject body(RelayException error) {
      return GeminiErrors.toJson(error.protocolError());
    }
  };

  private static final String MESSAGES = "/v1/messages";
  private static final String GEMINI_BETA = "/v1beta/";
  private static final String MODELS = "/v1/models/";

  /** The response body of {@code error} in this protocol. */
  public abstract JsonObject body(RelayException error);

  /** The protocol of requests relayed in {@code mode}. */
  public static ClientProtocol of(Mode mode) {
    return switch (mode) {
      case ANTHROPIC -> ANTHROPIC;
      case GEMINI -> GEMINI;
      default -> OPENAI;
    };
  }

  /** The protocol of a route: {@code /v1/messages}, Gemini's {@code /v1beta/*} and {@code POST /v1/models/{model}:{action}}. */
  public static ClientProtocol of(HttpMethod method, String path) {
    if (path.equals(MESSAGES) || path.equals(MESSAGES + "/")) {
      return ANTHROPIC;
    }
    if (path.startsWith(GEMINI_BETA) || isGeminiModelAction(method, path)) {
      return GEMINI;
    }
    return OPENAI;
  }

  /** Whether the request is Gemini's {@code POST /v1/models/{model}:{action}} (a GET there retrieves an OpenAI model). */
  public static boolean isGeminiModelAction(HttpMethod method, String path) {
    return HttpMethod.POST.equals(method) && path.startsWith(MODELS) && path.indexOf(':', MODELS.length()) > 0;
  }
}
