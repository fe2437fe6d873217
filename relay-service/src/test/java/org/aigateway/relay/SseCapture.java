package org.aigateway.relay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A streaming call to the relay that records what arrives, chunk by chunk. */
final class SseCapture {

  final Promise<Void> firstChunk = Promise.promise();
  final Promise<Void> ended = Promise.promise();
  final Buffer received = Buffer.buffer();
  HttpClientResponse response;

  static Future<SseCapture> open(HttpClient client, int port, String key, JsonObject body) {
    return open(client, port, key, "/v1/chat/completions", body);
  }

  static Future<SseCapture> open(HttpClient client, int port, String key, String path, JsonObject body) {
    SseCapture capture = new SseCapture();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("Authorization", "Bearer " + key)
        .putHeader("Content-Type", "application/json");
    return client.request(options)
        .compose(request -> request.send(body.toBuffer()).map(capture::attach));
  }

  /** A {@code GET} of {@code path} (a stored response retrieved with {@code ?stream=true}). */
  static Future<SseCapture> get(HttpClient client, int port, String key, String path) {
    SseCapture capture = new SseCapture();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("Authorization", "Bearer " + key);
    return client.request(options)
        .compose(request -> request.send().map(capture::attach));
  }

  /**
   * Sets the handlers; called on the event loop as the response head arrives (a listener added from the
   * test thread would run a task later, when a short stream may have ended already).
   */
  private SseCapture attach(HttpClientResponse response) {
    this.response = response;
    response.handler(chunk -> {
      boolean wholeEvent;
      synchronized (received) {
        received.appendBuffer(chunk);
        wholeEvent = received.toString().contains("\n\n");
      }
      // TCP may split an event; "first chunk" means the first whole SSE event, not the first bytes.
      if (wholeEvent) {
        firstChunk.tryComplete();
      }
    });
    response.endHandler(v -> ended.tryComplete());
    response.exceptionHandler(ended::tryFail);
    return this;
  }

  String text() {
    synchronized (received) {
      return received.toString();
    }
  }

  /** The {@code data:} values received, in order. */
  List<String> data() {
    List<String> data = new ArrayList<>();
    Arrays.stream(text().split("\n")).filter(line -> line.startsWith("data: "))
        .forEach(line -> data.add(line.substring(6)));
    return data;
  }

  /** The JSON chunks received ({@code [DONE]} excluded). */
  List<JsonObject> chunks() {
    return data().stream().filter(d -> d.startsWith("{")).map(JsonObject::new).toList();
  }

  /** The assistant text, joined from the chunk deltas. */
  String content() {
    StringBuilder text = new StringBuilder();
    chunks().forEach(chunk -> {
      var choices = chunk.getJsonArray("choices");
      if (choices != null && !choices.isEmpty()) {
        JsonObject delta = choices.getJsonObject(0).getJsonObject("delta");
        if (delta != null && delta.getString("content") != null) {
          text.append(delta.getString("content"));
        }
      }
    });
    return text.toString();
  }
}
