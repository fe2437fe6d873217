package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The plumbing the provider fakes share: a real HTTP server on a free port of 127.0.0.1 that records
 * every request and hands it, with its body, to the fake's answer.
 */
final class FakeServer {

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger cancelled = new AtomicInteger();
  private HttpServer server;

  static Future<FakeServer> start(Vertx vertx, FakeBehaviour behaviour, BiConsumer<HttpServerRequest, Buffer> answer) {
    FakeServer fake = new FakeServer();
    return vertx.createHttpServer()
        .requestHandler(request -> fake.handle(vertx, request, behaviour, answer))
        .listen(0, "127.0.0.1")
        .map(server -> {
          fake.server = server;
          return fake;
        });
  }

  private void handle(Vertx vertx, HttpServerRequest request, FakeBehaviour behaviour,
                      BiConsumer<HttpServerRequest, Buffer> answer) {
    request.response().closeHandler(v -> {
      if (!request.response().ended()) {
        cancelled.incrementAndGet();
      }
    });
    request.body().onSuccess(body -> {
      MultiMap headers = HttpHeaders.headers().addAll(request.headers());
      requests.add(new RecordedRequest(request.method().name(), request.path(), headers, body,
          request.query() == null ? "" : request.query()));
      if (behaviour.delayMs > 0) {
        vertx.setTimer(behaviour.delayMs, id -> answer.accept(request, body));
      } else {
        answer.accept(request, body);
      }
    });
  }

  int port() {
    return server.actualPort();
  }

  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the fake upstream received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /** Requests whose connection closed before their response ended. */
  int cancelled() {
    return cancelled.get();
  }

  void clear() {
    requests.clear();
    cancelled.set(0);
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  static void json(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  /** Answers with the behaviour's failure when it has one; returns whether it did. */
  static boolean failed(HttpServerRequest request, FakeBehaviour b) {
    if (b.failStatus <= 0) {
      return false;
    }
    request.response().setStatusCode(b.failStatus).putHeader("content-type", "application/json")
        .end(b.failBody == null ? "" : b.failBody);
    return true;
  }

  /** Writes one SSE frame, in two TCP writes cut mid-frame when the behaviour splits frames. */
  static Future<Void> frame(Vertx vertx, HttpServerRequest request, FakeBehaviour b, String frame) {
    if (!b.splitFrames) {
      return request.response().write(frame);
    }
    int cut = Math.max(1, frame.length() / 2);
    return request.response().write(frame.substring(0, cut))
        .compose(v -> vertx.timer(5))
        .compose(v -> request.response().write(Buffer.buffer(frame.substring(cut))));
  }
}
