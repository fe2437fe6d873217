package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes one Gemini {@code alt=sse} answer, event by event, with the behaviour's faults. */
final class FakeGeminiStream {

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final FakeBehaviour b;
  private final String id;
  private final String model;

  FakeGeminiStream(Vertx vertx, HttpServerRequest request, FakeBehaviour b, String id, String model) {
    this.vertx = vertx;
    this.request = request;
    this.b = b;
    this.id = id;
    this.model = model;
  }

  void send() {
    request.response().setChunked(true).putHeader("content-type", "text/event-stream");
    Future<Void> chain = request.response().writeHead();
    if (b.thinking != null) {
      JsonArray thought = new JsonArray().add(new JsonObject().put("text", b.thinking).put("thought", true));
      chain = chain.compose(v -> event(FakeGeminiServer.event(id, model, thought, null, null)));
    }
    List<String> pieces = b.streamPieces();
    for (int i = 0; i < pieces.size(); i++) {
      int index = i;
      chain = chain.compose(v -> piece(pieces, index));
    }
    // a fault (closed connection, in-band error) has already ended the answer its own way
    chain.compose(v -> finish());
  }

  private Future<Void> piece(List<String> pieces, int index) {
    if (index == b.closeAfterChunks) {
      return request.connection().close().compose(v -> Future.failedFuture("closed mid-stream"));
    }
    if (index == b.inBandErrorAfterChunks) {
      return event(FakeGeminiServer.error(503, "UNAVAILABLE", "The model is overloaded."))
          .compose(v -> request.response().end()).compose(v -> Future.failedFuture("in-band error"));
    }
    JsonArray parts = new JsonArray().add(new JsonObject().put("text", pieces.get(index)));
    JsonObject usage = new JsonObject().put("promptTokenCount", b.promptTokens).put("totalTokenCount", b.promptTokens);
    Future<Void> written = event(FakeGeminiServer.event(id, model, parts, null, usage));
    return b.chunkDelayMs > 0 ? written.compose(v -> vertx.timer(b.chunkDelayMs)).mapEmpty() : written;
  }

  private Future<Void> finish() {
    if (b.endWithoutDone) {
      return request.response().end();
    }
    JsonArray parts = new JsonArray();
    if (b.toolName != null) {
      parts.add(FakeGeminiServer.functionCall(b));
    } else {
      parts.add(new JsonObject().put("text", ""));
    }
    return event(FakeGeminiServer.event(id, model, parts, "STOP", FakeGeminiServer.usage(b)))
        .compose(v -> request.response().end());
  }

  private Future<Void> event(JsonObject data) {
    return FakeServer.frame(vertx, request, b, "data: " + data.encode() + "\r\n\r\n");
  }
}
