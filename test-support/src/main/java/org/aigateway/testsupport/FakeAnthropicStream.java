package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Writes one Anthropic SSE answer, event by event, with the behaviour's faults. */
final class FakeAnthropicStream {

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final FakeBehaviour b;
  private final String id;
  private final String model;
  private int block;

  FakeAnthropicStream(Vertx vertx, HttpServerRequest request, FakeBehaviour b, String id, String model) {
    this.vertx = vertx;
    this.request = request;
    this.b = b;
    this.id = id;
    this.model = model;
  }

  void send() {
    request.response().setChunked(true).putHeader("content-type", "text/event-stream");
    JsonObject message = new JsonObject().put("id", id).put("type", "message").put("role", "assistant")
        .put("content", new JsonArray()).put("model", model).put("stop_reason", null)
        .put("stop_sequence", null).put("usage", FakeAnthropicServer.usage(b, 1));
    Future<Void> chain = request.response().writeHead()
        .compose(v -> event("message_start", new JsonObject().put("type", "message_start").put("message", message)));
    if (b.thinking != null) {
      chain = chain.compose(v -> block(new JsonObject().put("type", "thinking").put("thinking", ""),
          List.of(new JsonObject().put("type", "thinking_delta").put("thinking", b.thinking))));
    }
    chain = chain.compose(v -> event("ping", new JsonObject().put("type", "ping"))).compose(v -> textBlock());
    if (b.toolName != null) {
      chain = chain.compose(v -> toolBlock());
    }
    // a fault (closed connection, in-band error) has already ended the answer its own way
    chain.compose(v -> finish());
  }

  private Future<Void> textBlock() {
    List<JsonObject> deltas = new ArrayList<>();
    b.streamPieces().forEach(piece -> deltas.add(new JsonObject().put("type", "text_delta").put("text", piece)));
    return block(new JsonObject().put("type", "text").put("text", ""), deltas);
  }

  private Future<Void> toolBlock() {
    String args = b.toolArguments;
    int cut = args.length() / 2;
    JsonObject start = new JsonObject().put("type", "tool_use").put("id", "toolu_fake1").put("name", b.toolName)
        .put("input", new JsonObject());
    return block(start, List.of(
        new JsonObject().put("type", "input_json_delta").put("partial_json", args.substring(0, cut)),
        new JsonObject().put("type", "input_json_delta").put("partial_json", args.substring(cut))));
  }

  private Future<Void> block(JsonObject contentBlock, List<JsonObject> deltas) {
    int index = block++;
    Future<Void> chain = event("content_block_start", new JsonObject().put("type", "content_block_start")
        .put("index", index).put("content_block", contentBlock));
    for (int i = 0; i < deltas.size(); i++) {
      JsonObject delta = deltas.get(i);
      int number = i;
      chain = chain.compose(v -> delta(index, number, delta));
    }
    return chain.compose(v -> event("content_block_stop",
        new JsonObject().put("type", "content_block_stop").put("index", index)));
  }

  /** One delta; the behaviour's cut (connection close) or in-band error comes after that many text deltas. */
  private Future<Void> delta(int index, int number, JsonObject delta) {
    boolean text = "text_delta".equals(delta.getString("type"));
    if (text && number == b.stallAfterChunks) {
      return Promise.<Void>promise().future();
    }
    if (text && number == b.closeAfterChunks) {
      return request.connection().close().compose(v -> Future.failedFuture("closed mid-stream"));
    }
    if (text && number == b.inBandErrorAfterChunks) {
      return event("error", FakeAnthropicServer.error("overloaded_error", "Overloaded"))
          .compose(v -> request.response().end()).compose(v -> Future.failedFuture("in-band error"));
    }
    Future<Void> written = event("content_block_delta", new JsonObject().put("type", "content_block_delta")
        .put("index", index).put("delta", delta));
    return b.chunkDelayMs > 0 ? written.compose(v -> vertx.timer(b.chunkDelayMs)).mapEmpty() : written;
  }

  private Future<Void> finish() {
    JsonObject delta = new JsonObject().put("stop_reason", b.toolName != null ? "tool_use" : "end_turn")
        .put("stop_sequence", null);
    return event("message_delta", new JsonObject().put("type", "message_delta").put("delta", delta)
            .put("usage", new JsonObject().put("output_tokens", b.completionTokens)))
        .compose(v -> b.endWithoutDone ? Future.succeededFuture()
            : event("message_stop", new JsonObject().put("type", "message_stop")))
        .compose(v -> request.response().end());
  }

  private Future<Void> event(String name, JsonObject data) {
    return FakeServer.frame(vertx, request, b, "event: " + name + "\ndata: " + data.encode() + "\n\n");
  }
}
