package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A fake Anthropic Messages API ({@code POST /v1/messages}): whole messages or the real SSE event
 * sequence ({@code message_start}, {@code content_block_*}, {@code ping}, {@code message_delta},
 * {@code message_stop}), usage with cache reads and writes, thinking and tool-use blocks, Anthropic
 * error bodies and in-band {@code error} events, as its {@link FakeBehaviour} says. The behaviour's
 * prompt tokens are Anthropic's uncached {@code input_tokens}; cached tokens are cache reads.
 */
public final class FakeAnthropicServer {

  private final Vertx vertx;
  private final FakeBehaviour behaviour = new FakeBehaviour();
  private FakeServer server;
  private int sequence;

  private FakeAnthropicServer(Vertx vertx) {
    this.vertx = vertx;
  }

  public static Future<FakeAnthropicServer> start(Vertx vertx) {
    FakeAnthropicServer fake = new FakeAnthropicServer(vertx);
    return FakeServer.start(vertx, fake.behaviour, fake::answer).map(server -> {
      fake.server = server;
      return fake;
    });
  }

  /** The base URL a channel points at, ending in {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/v1";
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

  /** Requests whose connection closed before their response ended (closed by the caller, or by {@code closeAfterChunks}). */
  public int cancelledRequests() {
    return server.cancelled();
  }

  public void reset() {
    server.clear();
    behaviour.reset();
  }

  public Future<Void> close() {
    return server.close();
  }

  private void answer(HttpServerRequest request, Buffer raw) {
    if (!request.path().equals("/v1/messages")) {
      FakeServer.json(request, 404, error("not_found_error", "Not found: " + request.path()));
    } else if (request.getHeader("x-api-key") == null) {
      FakeServer.json(request, 401, error("authentication_error", "x-api-key header is required"));
    } else if (!FakeServer.failed(request, behaviour)) {
      JsonObject body = new JsonObject(raw);
      String id = "msg_fake" + (++sequence);
      if (Boolean.TRUE.equals(body.getValue("stream"))) {
        new FakeAnthropicStream(vertx, request, behaviour, id, body.getString("model")).send();
      } else {
        FakeServer.json(request, 200, message(id, body.getString("model"), behaviour));
      }
    }
  }

  static JsonObject error(String type, String message) {
    return new JsonObject().put("type", "error").put("error", new JsonObject().put("type", type).put("message", message));
  }

  static JsonObject usage(FakeBehaviour b, long output) {
    return new JsonObject().put("input_tokens", b.promptTokens)
        .put("cache_creation_input_tokens", b.cacheCreationTokens)
        .put("cache_read_input_tokens", b.cachedTokens).put("output_tokens", output);
  }

  private static JsonObject message(String id, String model, FakeBehaviour b) {
    JsonArray content = new JsonArray();
    if (b.thinking != null) {
      content.add(new JsonObject().put("type", "thinking").put("thinking", b.thinking).put("signature", "sig"));
    }
    content.add(new JsonObject().put("type", "text").put("text", b.reply));
    if (b.toolName != null) {
      content.add(new JsonObject().put("type", "tool_use").put("id", "toolu_fake1").put("name", b.toolName)
          .put("input", new JsonObject(b.toolArguments)));
    }
    return new JsonObject().put("id", id).put("type", "message").put("role", "assistant").put("model", model)
        .put("content", content).put("stop_reason", b.toolName != null ? "tool_use" : "end_turn")
        .put("stop_sequence", null).put("usage", usage(b, b.completionTokens));
  }
}
