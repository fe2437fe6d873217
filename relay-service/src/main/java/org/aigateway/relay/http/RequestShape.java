package org.aigateway.relay.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.anthropic.AnthropicRequestCheck;
import org.aigateway.relay.convert.gemini.GeminiRequestCheck;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * Where a route keeps the model and the stream flag: the JSON body ({@code model}, {@code stream})
 * for OpenAI and Anthropic routes; the path for Gemini ({@code /models/{model}:generateContent},
 * {@code :streamGenerateContent} streams) and for {@code /v1/engines/{model}/embeddings}, whose model
 * is also written into the body sent upstream. Anthropic bodies need a {@code messages} array,
 * Gemini bodies a {@code contents} array, and both must be well typed ({@link AnthropicRequestCheck},
 * {@link GeminiRequestCheck}).
 *
 * @param body  the request body, with the path's model for the engines route
 * @param raw   the body's bytes (re-encoded only when the body changed)
 */
record RequestShape(String model, boolean stream, JsonObject body, Buffer raw) {

  static final String GENERATE = "generateContent";
  static final String STREAM_GENERATE = "streamGenerateContent";
  private static final String MODELS = "/models/";

  /**
   * @throws RelayException 400 without a model or the protocol's message list or for a mistyped
   *                        Anthropic or Gemini field, 501 for a Gemini action
   *                        other than (stream)generateContent
   */
  static RequestShape of(RoutingContext rc, Mode mode, JsonObject body, Buffer raw) {
    if (mode == Mode.GEMINI) {
      return gemini(rc, body, raw);
    }
    String pathModel = rc.pathParam("model");
    if (pathModel != null && !pathModel.isBlank()) {
      JsonObject withModel = new JsonObject(new LinkedHashMap<>(body.getMap())).put("model", pathModel);
      return new RequestShape(pathModel, false, withModel, withModel.toBuffer());
    }
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      throw OpenAiErrors.badRequest("You must provide a model parameter (a non-empty string).", "model");
    }
    if (mode == Mode.ANTHROPIC) {
      requireArray(body, "messages");
      rejectProblem(AnthropicRequestCheck.problem(body));
    }
    return new RequestShape(model, streams(mode) && Boolean.TRUE.equals(body.getValue("stream")), body, raw);
  }

  private static boolean streams(Mode mode) {
    return mode == Mode.CHAT_COMPLETIONS || mode == Mode.COMPLETIONS || mode == Mode.ANTHROPIC
        || mode == Mode.RESPONSES;
  }

  private static RequestShape gemini(RoutingContext rc, JsonObject body, Buffer raw) {
    String path = rc.request().path();
    int start = path.indexOf(MODELS) + MODELS.length();
    int colon = path.lastIndexOf(':');
    if (colon <= start) {
      throw OpenAiErrors.unknownRoute(rc.request().method().name(), path);
    }
    String model = URLDecoder.decode(path.substring(start, colon).replace("+", "%2B"), StandardCharsets.UTF_8);
    String action = path.substring(colon + 1);
    if (!action.equals(GENERATE) && !action.equals(STREAM_GENERATE)) {
      throw OpenAiErrors.notImplemented(rc.request().method().name(), path);
    }
    requireArray(body, "contents");
    rejectProblem(GeminiRequestCheck.problem(body));
    return new RequestShape(model, action.equals(STREAM_GENERATE), body, raw);
  }

  /** The converters read a missing or mistyped list as empty; a clear 400 serves the client better. */
  private static void requireArray(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof JsonArray)) {
      throw OpenAiErrors.badRequest("`" + field + "` is required and must be an array.", field);
    }
  }

  private static void rejectProblem(Optional<ProtocolError> problem) {
    if (problem.isPresent()) {
      throw OpenAiErrors.badRequest(problem.get().message(), problem.get().param());
    }
  }
}
