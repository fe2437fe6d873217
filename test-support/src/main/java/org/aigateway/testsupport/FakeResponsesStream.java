package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Writes one Responses API stream, as OpenAI does: {@code response.created},
 * {@code response.in_progress}, the output item and content part events, one
 * {@code response.output_text.delta} per piece, then {@code response.completed} carrying the full
 * response with its usage; no {@code [DONE]}. Faults as the behaviour says: the connection closed
 * or an {@code error} event after that many deltas, no terminal event, {@code response.failed}
 * instead of {@code response.completed}, a hold after the first delta, a stall after some deltas, frames split
 * across TCP writes.
 */
final class FakeResponsesStream {

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final FakeBehaviour b;
  private final JsonObject response;
  private final String itemId;
  private int sequence;

  FakeResponsesStream(Vertx vertx, HttpServerRequest request, FakeBehaviour b, JsonObject response) {
    this.vertx = vertx;
    this.request = request;
    this.b = b;
    this.response = response;
    this.itemId = "msg_" + response.getString("id");
  }

  /** Sends the whole stream; completes when the response has ended or the connection was closed. */
  Future<Void> send() {
    request.response().setChunked(true).putHeader("content-type", "text/event-stream");
    JsonObject started = response.copy().put("status", "in_progress").put("output", new JsonArray()).putNull("usage");
    JsonObject item = new JsonObject().put("type", "message").put("id", itemId).put("status", "in_progress")
        .put("role", "assistant").put("content", new JsonArray());
    Future<Void> chain = request.response().writeHead()
        .compose(v -> event("response.created", new JsonObject().put("response", started)))
        .compose(v -> event("response.in_progress", new JsonObject().put("response", started)))
        .compose(v -> event("response.output_item.added", new JsonObject().put("output_index", 0).put("item", item)))
        .compose(v -> event("response.content_part.added", part()));
    List<String> pieces = b.streamPieces();
    for (int i = 0; i < pieces.size(); i++) {
      int index = i;
      chain = chain.compose(v -> delta(pieces.get(index), index));
    }
    return chain
        .compose(v -> event("response.output_text.done", part().put("text", b.reply)))
        .compose(v -> event("response.output_item.done", new JsonObject().put("output_index", 0)
            .put("item", response.getJsonArray("output").getJsonObject(0))))
        .compose(v -> b.endWithoutDone ? Future.succeededFuture() : terminal())
        .compose(v -> request.response().end());
  }

  private Future<Void> terminal() {
    if (!b.responseFailed) {
      return event("response.completed", new JsonObject().put("response", response));
    }
    JsonObject error = new JsonObject().put("code", "server_error").put("message", "The model failed to finish");
    return event("response.failed", new JsonObject().put("response",
        response.copy().put("status", "failed").put("error", error)));
  }

  private JsonObject part() {
    return new JsonObject().put("item_id", itemId).put("output_index", 0).put("content_index", 0);
  }

  private Future<Void> delta(String piece, int index) {
    if (index == b.stallAfterChunks) {
      return Promise.<Void>promise().future();
    }
    if (index == b.closeAfterChunks) {
      return request.connection().close().compose(v -> Future.failedFuture("closed mid-stream"));
    }
    if (index == b.inBandErrorAfterChunks) {
      JsonObject error = new JsonObject().put("code", "server_error").put("message", "The upstream overloaded mid-stream")
          .putNull("param");
      return event("error", error)
          .compose(v -> b.openAfterInBandError ? Promise.<Void>promise().future() : request.response().end())
          .compose(v -> Future.failedFuture("in-band error"));
    }
    Future<Void> written = event("response.output_text.delta", part().put("delta", piece));
    if (index == 0 && b.holdAfterFirstChunk != null) {
      written = written.compose(v -> b.holdAfterFirstChunk);
    }
    return b.chunkDelayMs > 0 ? written.compose(v -> vertx.timer(b.chunkDelayMs)).mapEmpty() : written;
  }

  private Future<Void> event(String type, JsonObject data) {
    JsonObject event = new JsonObject().put("type", type).put("sequence_number", sequence++);
    event.mergeIn(data);
    return FakeServer.frame(vertx, request, b, "event: " + type + "\ndata: " + event.encode() + "\n\n");
  }
}
