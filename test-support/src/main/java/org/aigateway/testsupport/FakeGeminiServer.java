package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A fake Gemini API (Google AI Studio): {@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse} (events separated by {@code \r\n\r\n} as Google sends them,
 * the last with {@code finishReason} and the full {@code usageMetadata}), thought parts, function
 * calls, Google error bodies and in-band error events, as its {@link FakeBehaviour} says. The
 * behaviour's reasoning tokens are {@code thoughtsTokenCount}, its cached tokens
 * {@code cachedContentTokenCount}.
 */
public final class FakeGeminiServer {

  private static final String PREFIX = "/v1beta/models/";

  private final Vertx vertx;
  private final FakeBehaviour behaviour = new FakeBehaviour();
  private FakeServer server;
  private int sequence;

  private FakeGeminiServer(Vertx vertx) {
    this.vertx = vertx;
  }

  public static Future<FakeGeminiServer> start(Vertx vertx) {
    FakeGeminiServer fake = new FakeGeminiServer(vertx);
    return FakeServer.start(vertx, fake.behaviour, fake::answer).map(server -> {
      fake.server = server;
      return fake;
    });
  }

  /** The base URL a channel points at (no API version: the adaptor adds {@code /v1beta}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public FakeBehaviour behaviour() {
    return behaviour;
  }

  public List<RecordedRequest> requests() {
    return server.requests();
  }

  public RecordedRequest lastRequest() {
    return server.lastRequest();
  }

  public void reset() {
    server.clear();
    behaviour.reset();
  }

  public Future<Void> close() {
    return server.close();
  }

  private void answer(HttpServerRequest request, Buffer raw) {
    String path = request.path();
    int colon = path.lastIndexOf(':');
    if (!path.startsWith(PREFIX) || colon < 0) {
      FakeServer.json(request, 404, error(404, "NOT_FOUND", "Not found: " + path));
    } else if (request.getHeader("x-goog-api-key") == null) {
      FakeServer.json(request, 403, error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers."));
    } else if (!FakeServer.failed(request, behaviour)) {
      String model = path.substring(PREFIX.length(), colon);
      String id = "fake-resp-" + (++sequence);
      if (path.endsWith(":streamGenerateContent")) {
        new FakeGeminiStream(vertx, request, behaviour, id, model).send();
      } else {
        FakeServer.json(request, 200, response(id, model, behaviour));
      }
    }
  }

  static JsonObject error(int code, String status, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)
        .put("status", status));
  }

  static JsonObject usage(FakeBehaviour b) {
    JsonObject usage = new JsonObject().put("promptTokenCount", b.promptTokens)
        .put("candidatesTokenCount", b.completionTokens)
        .put("totalTokenCount", b.promptTokens + b.completionTokens + b.reasoningTokens);
    if (b.reasoningTokens > 0) {
      usage.put("thoughtsTokenCount", b.reasoningTokens);
    }
    if (b.cachedTokens > 0) {
      usage.put("cachedContentTokenCount", b.cachedTokens);
    }
    return usage;
  }

  static JsonObject event(String id, String model, JsonArray parts, String finishReason, JsonObject usage) {
    JsonObject candidate = new JsonObject().put("content", new JsonObject().put("parts", parts).put("role", "model"))
        .put("index", 0);
    if (finishReason != null) {
      candidate.put("finishReason", finishReason);
    }
    JsonObject event = new JsonObject().put("candidates", new JsonArray().add(candidate));
    if (usage != null) {
      event.put("usageMetadata", usage);
    }
    return event.put("modelVersion", model).put("responseId", id);
  }

  static JsonObject functionCall(FakeBehaviour b) {
    return new JsonObject().put("functionCall", new JsonObject().put("name", b.toolName)
        .put("args", new JsonObject(b.toolArguments)));
  }

  private static JsonObject response(String id, String model, FakeBehaviour b) {
    JsonArray parts = new JsonArray();
    if (b.thinking != null) {
      parts.add(new JsonObject().put("text", b.thinking).put("thought", true));
    }
    parts.add(new JsonObject().put("text", b.reply));
    if (b.toolName != null) {
      parts.add(functionCall(b));
    }
    return event(id, model, parts, "STOP", usage(b));
  }
}
