package org.aigateway.testsupport;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OpenAI upstream: a real Vert.x HTTP server on a random port answering
 * {@code /v1/chat/completions} (JSON or SSE), {@code /v1/completions}, {@code /v1/embeddings},
 * {@code /v1/moderations}, {@code /v1/images/generations}, the multipart {@code /v1/images/edits},
 * {@code /v1/audio/transcriptions} and {@code /v1/audio/translations}, {@code /v1/audio/speech} (audio
 * bytes), a Jina-style {@code /v1/rerank} and the Responses API ({@link FakeResponsesApi}) in OpenAI's
 * wire format. It records every request and misbehaves as its {@link FakeBehaviour} says.
 */
public final class FakeOpenAiServer {

  /** Chunks the speech answer is written in. */
  private static final int SPEECH_CHUNKS = 4;

  private final Vertx vertx;
  private final FakeBehaviour behaviour = new FakeBehaviour();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger finishedStreams = new AtomicInteger();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final FakeResponsesApi responses;
  private HttpServer server;

  private FakeOpenAiServer(Vertx vertx) {
    this.vertx = vertx;
    this.responses = new FakeResponsesApi(vertx, behaviour);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static Future<FakeOpenAiServer> start(Vertx vertx) {
    FakeOpenAiServer fake = new FakeOpenAiServer(vertx);
    return vertx.createHttpServer()
        .requestHandler(fake::handle)
        .listen(0, "127.0.0.1")
        .map(server -> {
          fake.server = server;
          return fake;
        });
  }

  public int port() {
    return server.actualPort();
  }

  /** The base URL a channel points at, ending in {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public FakeBehaviour behaviour() {
    return behaviour;
  }

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the fake upstream received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /** Streams whose last byte was written (normally or not). */
  public int finishedStreams() {
    return finishedStreams.get();
  }

  /** Requests whose connection closed before their response ended (closed by the caller, or by {@code closeAfterChunks}). */
  public int cancelledRequests() {
    return cancelled.get();
  }

  /**
   * Runs the background responses created so far to their end: each queued one becomes
   * {@code completed}, with the reply and the usage of the current behaviour, as later retrievals show it.
   */
  public void finishBackgroundResponses() {
    responses.finishBackground();
  }

  /** Forgets the recorded requests and restores the healthy behaviour. */
  public void reset() {
    requests.clear();
    finishedStreams.set(0);
    cancelled.set(0);
    behaviour.reset();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    request.response().closeHandler(v -> {
      if (!request.response().ended()) {
        cancelled.incrementAndGet();
      }
    });
    request.body()
        .onSuccess(body -> {
          MultiMap headers = HttpHeaders.headers().addAll(request.headers());
          requests.add(new RecordedRequest(request.method().name(), request.path(), headers, body,
              request.query() == null ? "" : request.query()));
          delayed(() -> answer(request, body));
        });
  }

  private void delayed(Runnable action) {
    long delay = behaviour.delayMs;
    if (delay > 0) {
      vertx.setTimer(delay, id -> action.run());
    } else {
      action.run();
    }
  }

  private void answer(HttpServerRequest request, Buffer raw) {
    if (behaviour.failStatus > 0) {
      request.response().setStatusCode(behaviour.failStatus).putHeader("content-type", "application/json")
          .end(behaviour.failBody == null ? "" : behaviour.failBody);
      return;
    }
    if (FakeResponsesApi.handles(request.path())) {
      responses.answer(request, raw, finishedStreams::incrementAndGet);
      return;
    }
    String path = request.path();
    if (path.endsWith("/audio/transcriptions") || path.endsWith("/audio/translations")
        || path.endsWith("/images/edits")) {
      form(request, raw);
      return;
    }
    if (path.endsWith("/audio/speech")) {
      speech(request);
      return;
    }
    JsonObject body;
    try {
      body = new JsonObject(raw);
    } catch (DecodeException e) {
      json(request, 400, FakeResponses.error("We could not parse the JSON body", "invalid_request_error", null));
      return;
    }
    route(request, body);
  }

  private void route(HttpServerRequest request, JsonObject body) {
    String path = request.path();
    String id = "fake-" + sequence.incrementAndGet();
    boolean stream = Boolean.TRUE.equals(body.getValue("stream"));
    if (path.endsWith("/chat/completions")) {
      respond(request, body, stream, true, FakeResponses.chat(id, body.getString("model"), behaviour), id);
    } else if (path.endsWith("/completions")) {
      respond(request, body, stream, false, FakeResponses.completion(id, body.getString("model"), behaviour), id);
    } else if (path.endsWith("/embeddings")) {
      json(request, 200, FakeResponses.embeddings(body.getString("model"), inputs(body), behaviour));
    } else if (path.endsWith("/rerank")) {
      json(request, 200, FakeResponses.rerank(body, behaviour));
    } else if (path.endsWith("/moderations")) {
      json(request, 200, FakeResponses.moderation(id, body.getString("model")));
    } else if (path.endsWith("/images/generations")) {
      json(request, 200, FakeResponses.images(body.getInteger("n", 1)));
    } else {
      json(request, 404, FakeResponses.error("Unknown path " + path, "invalid_request_error", "unknown_url"));
    }
  }

  /**
   * Transcriptions and translations answer the behaviour's reply in the form's {@code response_format}
   * (JSON with gpt-4o-transcribe token usage unless usage is omitted; {@code verbose_json} with
   * whisper's usage of 4 seconds; {@code text}, {@code srt} and {@code vtt} as plain text); image edits answer {@code n} images. A body that is not a form gets a 400.
   */
  private void form(HttpServerRequest request, Buffer raw) {
    List<MultipartBody.Part> parts;
    try {
      parts = MultipartBody.parse(String.valueOf(request.getHeader("content-type")), raw);
    } catch (AssertionError e) {
      json(request, 400, FakeResponses.error("Expected a multipart form: " + e.getMessage(), "invalid_request_error",
          null));
      return;
    }
    if (request.path().endsWith("/images/edits")) {
      json(request, 200, FakeResponses.images(Integer.parseInt(MultipartBody.field(parts, "n").orElse("1"))));
      return;
    }
    String format = MultipartBody.field(parts, "response_format").orElse("json");
    if (!format.equals("json") && !format.equals("verbose_json")) {
      request.response().putHeader("content-type", "text/plain; charset=utf-8").end(behaviour.reply);
      return;
    }
    JsonObject body = new JsonObject().put("text", behaviour.reply);
    if (format.equals("verbose_json")) {
      body.put("task", "transcribe").put("duration", 3.2);
      json(request, 200, behaviour.omitUsage ? body
          : body.put("usage", new JsonObject().put("type", "duration").put("seconds", 4)));
      return;
    }
    if (!behaviour.omitUsage) {
      body.put("usage", new JsonObject().put("type", "tokens").put("input_tokens", behaviour.promptTokens)
          .put("input_token_details",
              new JsonObject().put("text_tokens", 0).put("audio_tokens", behaviour.promptTokens))
          .put("output_tokens", behaviour.completionTokens)
          .put("total_tokens", behaviour.promptTokens + behaviour.completionTokens));
    }
    json(request, 200, body);
  }

  /**
   * {@link #speechBytes()} as {@code audio/mpeg} in chunks, pausing as {@code holdAfterFirstChunk} says;
   * with {@code closeAfterChunks} the connection is closed after the first chunk.
   */
  private void speech(HttpServerRequest request) {
    Buffer audio = speechBytes();
    int size = audio.length() / SPEECH_CHUNKS;
    request.response().setChunked(true).putHeader("content-type", "audio/mpeg");
    Future<Void> hold = behaviour.holdAfterFirstChunk;
    request.response().write(audio.slice(0, size))
        .compose(v -> hold == null ? Future.succeededFuture() : hold)
        .onComplete(v -> {
          if (behaviour.closeAfterChunks >= 0) {
            request.connection().close();
            return;
          }
          for (int i = 1; i < SPEECH_CHUNKS; i++) {
            request.response().write(audio.slice(i * size, (i + 1) * size));
          }
          request.response().end();
        });
  }

  /** The audio every speech request gets: 64 KiB of a fixed byte pattern. */
  public static Buffer speechBytes() {
    byte[] bytes = new byte[64 * 1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + i / 256);
    }
    return Buffer.buffer(bytes);
  }

  private void respond(HttpServerRequest request, JsonObject body, boolean stream, boolean chat, JsonObject full,
                       String id) {
    if (stream) {
      new FakeStream(vertx, request, behaviour, id, body, chat).send()
          .onComplete(done -> finishedStreams.incrementAndGet());
    } else if (behaviour.malformedJson) {
      request.response().putHeader("content-type", "application/json").end("{\"id\": \"broken\", \"choices\": [");
    } else {
      json(request, 200, full);
    }
  }

  private static int inputs(JsonObject body) {
    Object input = body.getValue("input");
    return input instanceof JsonArray array ? Math.max(1, array.size()) : 1;
  }

  private static void json(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
