package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes one SSE answer of the fake upstream, event by event, with the behaviour's faults. */
final class FakeStream {

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final FakeBehaviour b;
  private final String id;
  private final String model;
  private final boolean chat;
  private final boolean includeUsage;

  FakeStream(Vertx vertx, HttpServerRequest request, FakeBehaviour b, String id, JsonObject body, boolean chat) {
    this.vertx = vertx;
    this.request = request;
    this.response = request.response();
    this.b = b;
    this.id = id;
    this.model = body.getString("model");
    this.chat = chat;
    JsonObject options = body.getJsonObject("stream_options");
    this.includeUsage = options != null && Boolean.TRUE.equals(options.getBoolean("include_usage"));
  }

  /** Sends the whole stream; completes when the response has ended or the connection was closed. */
  Future<Void> send() {
    response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
    if (b.stallAfterHeaders) {
      return response.writeHead();
    }
    List<String> pieces = pieces();
    Future<Void> chain = response.writeHead();
    for (int i = 0; i < pieces.size(); i++) {
      int index = i;
      chain = chain.compose(v -> contentEvent(pieces, index));
    }
    return chain.compose(v -> finish(pieces.size()));
  }

  private Future<Void> contentEvent(List<String> pieces, int index) {
    if (index == b.stallAfterChunks) {
      return Promise.<Void>promise().future();
    }
    if (index == b.closeAfterChunks) {
      return request.connection().close().compose(v -> Future.failedFuture("closed mid-stream"));
    }
    if (index == b.inBandErrorAfterChunks) {
      JsonObject error = FakeResponses.error("The upstream overloaded mid-stream", "server_error", "overloaded");
      return event(error.encode()).compose(v -> response.end()).compose(v -> Future.failedFuture("in-band error"));
    }
    boolean last = index == pieces.size() - 1;
    JsonObject chunk = FakeResponses.chunk(id, model, chat, pieces.get(index), null);
    Future<Void> written = event(decorate(chunk, false).encode());
    if (index == 0 && b.holdAfterFirstChunk != null) {
      written = written.compose(v -> b.holdAfterFirstChunk);
    }
    return last ? written : written.compose(v -> pause());
  }

  private Future<Void> finish(int sent) {
    if (b.endWithoutDone) {
      return response.end();
    }
    JsonObject stop = decorate(FakeResponses.chunk(id, model, chat, null, "stop"), true);
    Future<Void> chain = event(stop.encode());
    if (includeUsage && !b.omitUsage && !b.usageWithLastChoice) {
      chain = chain.compose(v -> event(FakeResponses.usageChunk(id, model, chat, b).encode()));
    }
    return chain.compose(v -> event("[DONE]")).compose(v -> response.end());
  }

  /** OpenAI sends {@code "usage": null} on every chunk once usage was requested. */
  private JsonObject decorate(JsonObject chunk, boolean last) {
    if (!includeUsage || b.omitUsage) {
      return chunk;
    }
    return chunk.put("usage", last && b.usageWithLastChoice ? FakeResponses.usage(b) : null);
  }

  private Future<Void> event(String data) {
    String frame = "data: " + data + "\n\n";
    if (!b.splitFrames) {
      return response.write(frame);
    }
    int cut = Math.max(1, frame.length() / 2);
    return response.write(frame.substring(0, cut))
        .compose(v -> vertx.timer(5))
        .compose(v -> response.write(Buffer.buffer(frame.substring(cut))));
  }

  private Future<Void> pause() {
    return b.chunkDelayMs > 0 ? vertx.timer(b.chunkDelayMs).mapEmpty() : Future.succeededFuture();
  }

  private List<String> pieces() {
    return b.streamPieces();
  }
}
