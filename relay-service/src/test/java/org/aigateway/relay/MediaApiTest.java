package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.MultipartBody;
import org.aigateway.testsupport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The multipart and binary endpoints on an OpenAI channel: transcriptions and translations (forms
 * out, JSON or text back), image edits (forms out, JSON back), speech (JSON out, audio streamed
 * back), the channel's model mapping written into the form's {@code model} field, their usage
 * events, and the 4xx answers to bad forms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final Buffer AUDIO = Buffer.buffer(new byte[] {0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0x0d, 0x0a, 0x2d, 0x2d,
      (byte) 0xff, (byte) 0xfb, 0x13, 0x0d, 0x0a});

  private RelayHarness harness;
  private FakeOpenAiServer upstream;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("media", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "media", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up",
        List.of("whisper-1", "whisper-translate", "tts-1", "gpt-image-1"),
        Map.of("whisper-1", "gpt-4o-transcribe", "whisper-translate", "whisper-1", "tts-1", "tts-1-hd"));
    harness.fixtures.modelConfig("whisper-1", 8, Fixtures.price("2", "4"), 0, new JsonObject());
    harness.fixtures.modelConfig("whisper-translate", 9, Fixtures.price("2", "4"), 0, new JsonObject());
    harness.fixtures.modelConfig("tts-1", 7, Fixtures.price("15", "0"), 0, new JsonObject());
    harness.fixtures.modelConfig("gpt-image-1", 6, Fixtures.price("1", "40"), 0, new JsonObject());
    harness.deploy(Map.of("MULTIPART_BODY_LIMIT_MB", 1));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  private static MultipartBody transcription(String format) {
    return MultipartBody.create().field("model", "whisper-1").file("file", "speech.mp3", "audio/mpeg", AUDIO)
        .field("prompt", "Names: Ada, Grace").field("response_format", format);
  }

  private List<MultipartBody.Part> receivedForm() {
    RecordedRequest request = upstream.lastRequest();
    return MultipartBody.parse(request.header("Content-Type"), request.body());
  }

  @Test
  @DisplayName("A transcription goes upstream as a form with the mapped model and every other part unchanged")
  void transcriptionJson() {
    HttpResponse<Buffer> response = harness.postForm("/v1/audio/transcriptions", KEY, transcription("json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("Hello from the fake upstream");
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/audio/transcriptions");
    assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-up");
    List<MultipartBody.Part> parts = receivedForm();
    assertThat(MultipartBody.field(parts, "model")).contains("gpt-4o-transcribe");
    assertThat(MultipartBody.field(parts, "prompt")).contains("Names: Ada, Grace");
    assertThat(MultipartBody.field(parts, "response_format")).contains("json");
    MultipartBody.Part file = parts.stream().filter(p -> "file".equals(p.name())).findFirst().orElseThrow();
    assertThat(file.filename()).isEqualTo("speech.mp3");
    assertThat(file.contentType()).isEqualTo("audio/mpeg");
    assertThat(file.data().getBytes()).isEqualTo(AUDIO.getBytes());
    assertThat(upstream.lastRequest().header("Content-Type")).doesNotContain("client-boundary");

    RelayCompleted event = eventOf(response);
    assertThat(event.mode()).isEqualTo(8);
    assertThat(event.actualModel()).isEqualTo("gpt-4o-transcribe");
    assertThat(event.usage().inputTokens()).isEqualTo(12);
    assertThat(event.usage().audioInputTokens()).isEqualTo(12);
    assertThat(event.usage().outputTokens()).isEqualTo(6);
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.amount().total()).isEqualByComparingTo(new BigDecimal("0.048"));
  }

  @Test
  @DisplayName("A text transcription comes back as the upstream's text, billed on the counted transcript")
  void transcriptionText() {
    upstream.behaviour().reply("The quick brown fox jumps over the lazy dog.");

    HttpResponse<Buffer> response = harness.postForm("/v1/audio/transcriptions", KEY, transcription("text"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(response.bodyAsString()).isEqualTo("The quick brown fox jumps over the lazy dog.");
    RelayCompleted event = eventOf(response);
    TokenCounter tokens = new TokenCounter();
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().outputTokens())
        .isEqualTo(tokens.count("gpt-4o-transcribe", "The quick brown fox jumps over the lazy dog."));
    assertThat(event.usage().inputTokens()).isEqualTo(tokens.count("gpt-4o-transcribe", "Names: Ada, Grace"));
  }

  @Test
  @DisplayName("Whisper's reported seconds are billed as audio input on top of the counted prompt and transcript")
  void transcriptionSeconds() {
    HttpResponse<Buffer> response = harness.postForm("/v1/audio/transcriptions", KEY, transcription("verbose_json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getDouble("duration")).isEqualTo(3.2);
    RelayCompleted event = eventOf(response);
    TokenCounter tokens = new TokenCounter();
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().audioInputTokens()).isEqualTo(4);
    assertThat(event.usage().inputTokens()).isEqualTo(tokens.count("gpt-4o-transcribe", "Names: Ada, Grace") + 4);
    assertThat(event.usage().outputTokens())
        .isEqualTo(tokens.count("gpt-4o-transcribe", "Hello from the fake upstream"));
  }

  @Test
  @DisplayName("A translation goes to /audio/translations as mode 9; a transcription model is not served there")
  void translation() {
    HttpResponse<Buffer> response = harness.postForm("/v1/audio/translations", KEY, MultipartBody.create()
        .field("model", "whisper-translate").file("file", "speech.mp3", "audio/mpeg", AUDIO));
    HttpResponse<Buffer> wrongType = harness.postForm("/v1/audio/translations", KEY, transcription("json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("Hello from the fake upstream");
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/audio/translations");
    assertThat(MultipartBody.field(receivedForm(), "model")).contains("whisper-1");
    assertThat(wrongType.statusCode()).isEqualTo(404);
    assertThat(eventOf(response).mode()).isEqualTo(9);
  }

  @Test
  @DisplayName("An image edit relays every image[] part and the mask, and is billed per returned image")
  void imageEdits() {
    Buffer first = Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Buffer second = Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6});
    MultipartBody form = MultipartBody.create().field("model", "gpt-image-1").field("prompt", "add a hat")
        .file("image[]", "a.png", "image/png", first).file("image[]", "b.png", "image/png", second)
        .file("mask", "mask.png", "image/png", Buffer.buffer("mask-bytes")).field("n", "2").field("size", "1024x1024");

    HttpResponse<Buffer> response = harness.postForm("/v1/images/edits", KEY, form);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("data")).hasSize(2);
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/images/edits");
    List<MultipartBody.Part> parts = receivedForm();
    assertThat(parts.stream().filter(p -> "image[]".equals(p.name())).map(p -> p.data().toString()))
        .containsExactly(first.toString(), second.toString());
    assertThat(parts.stream().filter(p -> "mask".equals(p.name())).findFirst().orElseThrow().text())
        .isEqualTo("mask-bytes");
    assertThat(MultipartBody.field(parts, "size")).contains("1024x1024");
    RelayCompleted event = eventOf(response);
    assertThat(event.mode()).isEqualTo(6);
    assertThat(event.usage().imageOutputTokens()).isEqualTo(2);
    assertThat(event.amount().total()).isEqualByComparingTo(new BigDecimal("0.08"));
  }

  @Test
  @DisplayName("Speech audio reaches the client while the upstream is still sending, byte for byte")
  void speechStreams() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().holdAfterFirstChunk(release.future());
    HttpClient client = harness.vertx.createHttpClient();
    Buffer received = Buffer.buffer();
    Promise<Void> firstBytes = Promise.promise();
    Promise<Void> ended = Promise.promise();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(harness.port()).setURI("/v1/audio/speech").putHeader("Authorization", "Bearer " + KEY)
        .putHeader("Content-Type", "application/json");
    JsonObject body = new JsonObject().put("model", "tts-1").put("input", "Hello world").put("voice", "alloy");

    // The handlers are set on the event loop as the head arrives, before any audio byte can be missed.
    HttpClientResponse response = Await.result(client.request(options)
        .compose(request -> request.send(body.toBuffer()).onSuccess(r -> {
          r.handler(chunk -> {
            received.appendBuffer(chunk);
            firstBytes.tryComplete();
          });
          r.endHandler(v -> ended.tryComplete());
        })));

    Await.result(firstBytes.future());
    assertThat(ended.future().isComplete()).isFalse();
    assertThat(response.getHeader("Content-Type")).isEqualTo("audio/mpeg");
    release.complete();
    Await.result(ended.future());
    assertThat(received.getBytes()).isEqualTo(FakeOpenAiServer.speechBytes().getBytes());
    assertThat(upstream.lastRequest().json().getString("model")).isEqualTo("tts-1-hd");
    assertThat(upstream.lastRequest().json().getString("input")).isEqualTo("Hello world");

    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.mode()).isEqualTo(7);
    assertThat(event.usage().inputTokens()).isEqualTo("Hello world".length());
    assertThat(event.amount().total()).isEqualByComparingTo(new BigDecimal("0.165"));
  }

  @Test
  @DisplayName("Speech cut off upstream after its first bytes is cut off for the client too, and logged truncated")
  void speechCutOff() {
    upstream.behaviour().closeAfterChunks(1);
    HttpClient client = harness.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(harness.port()).setURI("/v1/audio/speech").putHeader("Authorization", "Bearer " + KEY)
        .putHeader("Content-Type", "application/json");
    JsonObject body = new JsonObject().put("model", "tts-1").put("input", "Hello world").put("voice", "alloy");
    String[] requestId = {null};

    assertThatThrownBy(() -> Await.result(client.request(options)
        .compose(request -> request.send(body.toBuffer()))
        .compose(response -> {
          requestId[0] = response.getHeader(RequestIds.HEADER);
          return response.body();
        }))).hasMessageContaining("future failed");

    RelayCompleted event = harness.event(requestId[0]);
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().inputTokens()).isEqualTo("Hello world".length());
  }

  @Test
  @DisplayName("A form without a model field gets a 400 about the model")
  void missingModel() {
    HttpResponse<Buffer> response = harness.postForm("/v1/audio/transcriptions", KEY,
        MultipartBody.create().file("file", "a.mp3", "audio/mpeg", AUDIO));

    assertBadRequest(response, 400, "model");
  }

  @Test
  @DisplayName("A form without its file gets a 400 about the file")
  void missingFile() {
    HttpResponse<Buffer> transcription = harness.postForm("/v1/audio/transcriptions", KEY,
        MultipartBody.create().field("model", "whisper-1"));
    HttpResponse<Buffer> edit = harness.postForm("/v1/images/edits", KEY,
        MultipartBody.create().field("model", "gpt-image-1").field("prompt", "a hat"));

    assertBadRequest(transcription, 400, "file");
    assertBadRequest(edit, 400, "image");
  }

  @Test
  @DisplayName("A JSON body on a form endpoint gets a 400 asking for multipart/form-data")
  void notMultipart() {
    HttpResponse<Buffer> response = harness.post("/v1/audio/transcriptions", KEY,
        new JsonObject().put("model", "whisper-1"));

    assertBadRequest(response, 400, null);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("multipart/form-data");
  }

  @Test
  @DisplayName("A form sent to a JSON endpoint gets a 400, not a failure")
  void formOnJsonRoute() {
    HttpResponse<Buffer> response = harness.postForm("/v1/chat/completions", KEY, transcription("json"));

    assertBadRequest(response, 400, null);
  }

  @Test
  @DisplayName("Malformed forms (no boundary, wrong boundary, unterminated) get a 400")
  void malformed() {
    Buffer body = Buffer.buffer("--abc\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n");
    for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=other",
        "multipart/form-data; boundary=abc")) {
      HttpResponse<Buffer> response = Await.result(harness.web.post(harness.port(), "127.0.0.1",
              "/v1/audio/transcriptions").putHeader("Authorization", "Bearer " + KEY).putHeader("Content-Type", type)
          .sendBuffer(body));
      assertBadRequest(response, 400, null);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("malformed");
    }
  }

  @Test
  @DisplayName("A form over the multipart limit gets a 413 naming the limit")
  void tooLarge() {
    HttpResponse<Buffer> response = harness.postForm("/v1/audio/transcriptions", KEY, MultipartBody.create()
        .field("model", "whisper-1").file("file", "big.mp3", "audio/mpeg", Buffer.buffer(new byte[1_200_000])));

    assertBadRequest(response, 413, null);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("1 MB");
  }

  @Test
  @DisplayName("A chunked form without Content-Length is cut off at the limit with a 413 too")
  void tooLargeChunked() {
    MultipartBody form = MultipartBody.create().field("model", "whisper-1")
        .file("file", "big.mp3", "audio/mpeg", Buffer.buffer(new byte[1_200_000]));
    HttpClient client = harness.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(harness.port()).setURI("/v1/audio/transcriptions").putHeader("Authorization", "Bearer " + KEY)
        .putHeader("Content-Type", form.contentType());

    int[] status = {0};
    Buffer answer = Await.result(client.request(options).compose(request -> {
      request.setChunked(true);
      Buffer body = form.encode();
      for (int at = 0; at < body.length(); at += 64 * 1024) {
        request.write(body.slice(at, Math.min(body.length(), at + 64 * 1024)));
      }
      request.end();
      return request.response().compose(response -> {
        status[0] = response.statusCode();
        return response.body();
      });
    }));

    assertThat(status[0]).isEqualTo(413);
    assertThat(answer.toJsonObject().getJsonObject("error").getString("code")).isEqualTo("request_too_large");
    assertThat(upstream.requests()).isEmpty();
  }

  private void assertBadRequest(HttpResponse<Buffer> response, int status, String param) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    if (param != null) {
      assertThat(error.getString("param")).isEqualTo(param);
    }
    assertThat(upstream.requests()).isEmpty();
  }
}
