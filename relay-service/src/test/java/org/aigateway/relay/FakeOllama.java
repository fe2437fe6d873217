package org.aigateway.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.testsupport.Await;

/**
 * A fake Ollama: {@code /api/chat} answering "Hi there" as one JSON object or as newline-delimited
 * JSON lines (each line written in two pieces, cut mid-object), and {@code /api/embed}.
 */
final class FakeOllama implements AutoCloseable {

  final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  FakeOllama(Vertx vertx) {
    server = Await.result(vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(raw -> {
      JsonObject body = new JsonObject(raw);
      bodies.add(body);
      paths.add(request.path());
      if (request.path().equals("/api/embed")) {
        json(request, new JsonObject().put("model", body.getString("model"))
            .put("embeddings", new JsonArray().add(new JsonArray().add(0.1).add(0.2))).put("prompt_eval_count", 3));
      } else if (Boolean.TRUE.equals(body.getValue("stream"))) {
        stream(request, body.getString("model"));
      } else {
        json(request, line(body.getString("model"), "Hi there", true));
      }
    });
  }

  private static JsonObject line(String model, String content, boolean done) {
    JsonObject line = new JsonObject().put("model", model).put("created_at", "2025-01-01T00:00:00Z")
        .put("message", new JsonObject().put("role", "assistant").put("content", content)).put("done", done);
    return done ? line.put("done_reason", "stop").put("prompt_eval_count", 12).put("eval_count", 4) : line;
  }

  private static void stream(HttpServerRequest request, String model) {
    request.response().setChunked(true).putHeader("content-type", "application/x-ndjson");
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject line : List.of(line(model, "Hi", false), line(model, " there", false), line(model, "", true))) {
      String text = line.encode() + "\n";
      int cut = text.length() / 2;
      chain = chain.compose(v -> request.response().write(text.substring(0, cut)))
          .compose(v -> request.response().write(text.substring(cut)));
    }
    chain.compose(v -> request.response().end());
  }

  private static void json(HttpServerRequest request, JsonObject body) {
    request.response().putHeader("content-type", "application/json").end(body.encode());
  }

  @Override
  public void close() {
    Await.result(server.close());
  }
}
