package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenAI's Responses API through the relay: whole and streamed answers relayed as they come with
 * their usage billed once, response ids pinned to the channel that created them for every
 * follow-up (and for {@code previous_response_id}), only for the creating group, and streams that
 * fail after their first byte ending with one error event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsesApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String OTHER_GROUP_KEY = Fixtures.newKey();
  private static final String MODEL = "gpt-4o";
  private static final String PINNED_MODEL = "gpt-pinned";
  private static final String LONELY_MODEL = "gpt-lonely";
  private static final String REKEYED_MODEL = "gpt-rekeyed";
  private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private FakeOpenAiServer creator;
  private FakeOpenAiServer preferred;
  private int creatorChannel;
  private int preferredChannel;
  private int lonelyChannel;
  private int rekeyedChannel;
  private HttpClient client;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    creator = harness.fake();
    preferred = harness.fake();
    harness.fixtures.group("responders", Status.ENABLED, List.of("default"));
    harness.fixtures.group("strangers", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "responders", List.of(), Status.ENABLED);
    harness.fixtures.token(OTHER_GROUP_KEY, "other", "strangers", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-upstream", List.of(MODEL), Map.of(MODEL, "gpt-4o-2024"));
    // a negative priority weighs nothing: picked only when no other channel is left
    creatorChannel = harness.fixtures.channel(1, creator.baseUrl(), "sk-creator", List.of(PINNED_MODEL), Map.of(),
        -1, Status.ENABLED, List.of("default"));
    // disabled until the pinning test has created its response on the creator channel; then it wins every pick
    preferredChannel = harness.fixtures.channel(1, preferred.baseUrl(), "sk-preferred", List.of(PINNED_MODEL),
        Map.of(), 100, Status.DISABLED, List.of("default"));
    lonelyChannel = harness.fixtures.channel(1, creator.baseUrl(), "sk-lonely", List.of(LONELY_MODEL), Map.of(),
        100, Status.ENABLED, List.of("default"));
    harness.fixtures.channel(1, upstream.baseUrl(), "sk-fallback", List.of(LONELY_MODEL), Map.of(), -1,
        Status.ENABLED, List.of("default"));
    harness.fixtures.chatModel(MODEL, Fixtures.price("2.5", "10"));
    harness.fixtures.chatModel(PINNED_MODEL, Fixtures.price("1", "2"));
    harness.fixtures.chatModel(LONELY_MODEL, Fixtures.price("1", "2"));
    rekeyedChannel = harness.fixtures.channel(1, creator.baseUrl(), "sk-rekeyed", List.of(REKEYED_MODEL), Map.of(),
        0, Status.ENABLED, List.of("default"));
    harness.fixtures.chatModel(REKEYED_MODEL, Fixtures.price("1", "2"));
    harness.deploy(Map.of());
    client = harness.vertx.createHttpClient();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstreams() {
    upstream.reset();
    creator.reset();
    preferred.reset();
  }

  private static JsonObject create(String model) {
    return new JsonObject().put("model", model).put("input", "Tell me a story");
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  private SseCapture stream(JsonObject body) {
    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, "/v1/responses", body));
    Await.result(capture.ended.future());
    return capture;
  }

  @Test
  @DisplayName("A whole response is relayed as the upstream sent it, with the channel's model, and its usage billed once")
  void wholeResponse() {
    upstream.behaviour().reply("Once upon a time").usage(30, 7).details(10, 3);

    HttpResponse<Buffer> response = harness.post("/v1/responses", KEY, create(MODEL));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest sent = upstream.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/responses");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-upstream");
    assertThat(sent.json().getString("model")).isEqualTo("gpt-4o-2024");
    assertThat(sent.json().getString("input")).isEqualTo("Tell me a story");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("object")).isEqualTo("response");
    assertThat(body.getJsonArray("output").getJsonObject(0).getJsonArray("content").getJsonObject(0)
        .getString("text")).isEqualTo("Once upon a time");
    RelayCompleted event = eventOf(response);
    Usage expected = new Usage(30, 7, 10, 0, 3, 37);
    assertThat(event.usage()).isEqualTo(expected);
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.mode()).isEqualTo(Mode.RESPONSES.number());
    assertThat(event.upstreamId()).isEqualTo(body.getString("id"));
    assertThat(event.amount()).isEqualTo(Pricing.amount(expected, Fixtures.price("2.5", "10"), 200));
    assertThat(harness.events.stream().filter(e -> e.requestId().equals(event.requestId()))).hasSize(1);
  }

  @Test
  @DisplayName("A streamed response reaches the client event by event while the upstream streams, usage read from response.completed")
  void streamedResponse() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().usage(21, 5).details(4, 2).holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, "/v1/responses",
        create(MODEL).put("stream", true)));
    Await.until(() -> capture.text().contains("response.output_text.delta"), 30, "the first delta");

    // The upstream is held after its first delta, so the client has it while the upstream still streams.
    assertThat(capture.text()).doesNotContain("response.completed");
    harness.vertx.runOnContext(v -> release.complete());
    Await.result(capture.ended.future());

    assertThat(upstream.lastRequest().json().containsKey("stream_options")).isFalse();
    assertThat(capture.response.getHeader("Content-Type")).startsWith("text/event-stream");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(capture.text());
    assertThat(events).extracting(ProtocolCalls.Event::name).startsWith("response.created")
        .contains("response.output_text.delta").endsWith("response.completed");
    assertThat(capture.data()).doesNotContain("[DONE]");
    String id = events.get(0).json().getJsonObject("response").getString("id");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.usage()).isEqualTo(new Usage(21, 5, 4, 0, 2, 26));
    assertThat(event.stream()).isTrue();
    assertThat(event.truncated()).isFalse();
    assertThat(event.upstreamId()).isEqualTo(id);
  }

  @Test
  @DisplayName("A response retrieved with stream=true reaches the client event by event while the upstream streams, "
      + "and costs nothing")
  void followUpStreams() {
    String id = harness.post("/v1/responses", KEY, create(MODEL)).bodyAsJsonObject().getString("id");
    Promise<Void> release = Promise.promise();
    upstream.behaviour().usage(21, 5).holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.get(client, harness.port(), KEY,
        "/v1/responses/" + id + "?stream=true"));
    Await.until(() -> capture.text().contains("response.output_text.delta"), 5, "the first delta");

    assertThat(capture.text()).doesNotContain("response.completed");
    harness.vertx.runOnContext(v -> release.complete());
    Await.result(capture.ended.future());

    assertThat(upstream.lastRequest().query()).isEqualTo("stream=true");
    assertThat(capture.response.getHeader("Content-Type")).startsWith("text/event-stream");
    assertThat(ProtocolCalls.events(capture.text())).extracting(ProtocolCalls.Event::name)
        .startsWith("response.created").endsWith("response.completed");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.mode()).isEqualTo(Mode.RESPONSES_GET.number());
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.usage()).isEqualTo(Usage.ZERO);
    assertThat(event.amount().total().signum()).isZero();
  }

  @Test
  @DisplayName("A background response bills nothing at its creation nor while it runs; the first retrieval that sees it "
      + "completed bills its usage at the model's price, later ones nothing")
  void backgroundBilledOnceFinished() {
    upstream.behaviour().usage(40, 12);
    HttpResponse<Buffer> created = harness.post("/v1/responses", KEY, create(MODEL).put("background", true));
    String id = created.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> whileQueued = harness.get("/v1/responses/" + id, KEY);

    upstream.finishBackgroundResponses();
    HttpResponse<Buffer> finished = harness.get("/v1/responses/" + id, KEY);
    HttpResponse<Buffer> again = harness.get("/v1/responses/" + id, KEY);

    assertThat(created.bodyAsJsonObject().getString("status")).isEqualTo("queued");
    RelayCompleted creation = eventOf(created);
    assertThat(creation.usage()).isEqualTo(Usage.ZERO);
    assertThat(creation.amount().total().signum()).isZero();
    assertThat(whileQueued.bodyAsJsonObject().getString("status")).isEqualTo("queued");
    assertThat(eventOf(whileQueued).usage()).isEqualTo(Usage.ZERO);
    assertThat(finished.bodyAsJsonObject().getString("status")).isEqualTo("completed");
    RelayCompleted billed = eventOf(finished);
    Usage expected = new Usage(40, 12, 0, 0, 0, 52);
    assertThat(billed.mode()).isEqualTo(Mode.RESPONSES_GET.number());
    assertThat(billed.usage()).isEqualTo(expected);
    assertThat(billed.usageEstimated()).isFalse();
    assertThat(billed.price()).isEqualTo(Fixtures.price("2.5", "10"));
    assertThat(billed.amount()).isEqualTo(Pricing.amount(expected, Fixtures.price("2.5", "10"), 200));
    RelayCompleted later = eventOf(again);
    assertThat(later.usage()).isEqualTo(Usage.ZERO);
    assertThat(later.amount().total().signum()).isZero();
  }

  @Test
  @DisplayName("A background response retrieved with stream=true once it has finished is billed from response.completed, "
      + "once")
  void backgroundBilledThroughStream() {
    upstream.behaviour().usage(33, 9);
    HttpResponse<Buffer> created = harness.post("/v1/responses", KEY, create(MODEL).put("background", true));
    String id = created.bodyAsJsonObject().getString("id");
    upstream.finishBackgroundResponses();

    SseCapture capture = Await.result(SseCapture.get(client, harness.port(), KEY,
        "/v1/responses/" + id + "?stream=true"));
    Await.result(capture.ended.future());
    HttpResponse<Buffer> again = harness.get("/v1/responses/" + id, KEY);

    assertThat(eventOf(created).amount().total().signum()).isZero();
    assertThat(ProtocolCalls.events(capture.text())).extracting(ProtocolCalls.Event::name)
        .endsWith("response.completed");
    RelayCompleted billed = harness.event(capture.response.getHeader(RequestIds.HEADER));
    Usage expected = new Usage(33, 9, 0, 0, 0, 42);
    assertThat(billed.usage()).isEqualTo(expected);
    assertThat(billed.amount()).isEqualTo(Pricing.amount(expected, Fixtures.price("2.5", "10"), 200));
    assertThat(eventOf(again).usage()).isEqualTo(Usage.ZERO);
    assertThat(eventOf(again).amount().total().signum()).isZero();
  }

  @Test
  @DisplayName("A stream that breaks after its first byte ends with an error event and nothing more, logged truncated with the delivered usage")
  void brokenStream() {
    upstream.behaviour().closeAfterChunks(2);

    SseCapture capture = stream(create(MODEL).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(capture.text());
    assertThat(events).extracting(ProtocolCalls.Event::name).doesNotContain("response.completed");
    ProtocolCalls.Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("error");
    assertThat(last.json().getString("type")).isEqualTo("error");
    assertThat(last.json().getString("message")).isNotBlank();
    assertThat(events).filteredOn(e -> "error".equals(e.name())).hasSize(1);
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello from"));
  }

  @Test
  @DisplayName("An upstream that keeps its stream open after an in-band error event is cancelled, not left holding "
      + "its connection with no deadline")
  void inBandErrorKeptOpen() {
    upstream.behaviour().inBandErrorAfterChunks(1).openAfterInBandError();

    SseCapture capture = stream(create(MODEL).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(capture.text());
    assertThat(events.get(events.size() - 1).name()).isEqualTo("error");
    Await.until(() -> upstream.cancelledRequests() == 1, 10, "the upstream request to be cancelled");
    assertThat(harness.event(capture.response.getHeader(RequestIds.HEADER)).status()).isEqualTo(502);
  }

  @Test
  @DisplayName("An in-band error event mid-stream reaches the client as the last event and fails the request")
  void inBandError() {
    upstream.behaviour().inBandErrorAfterChunks(1);

    SseCapture capture = stream(create(MODEL).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(capture.text());
    assertThat(events).filteredOn(e -> "error".equals(e.name())).hasSize(1);
    assertThat(events.get(events.size() - 1).json().getString("code")).isEqualTo("server_error");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.truncated()).isTrue();
    assertThat(event.content()).contains("overloaded mid-stream");
  }

  @Test
  @DisplayName("A response.failed event reaches the client as sent, with nothing added, and the request is logged as failed with its usage")
  void failedResponse() {
    upstream.behaviour().usage(15, 4).responseFailed();

    SseCapture capture = stream(create(MODEL).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(capture.text());
    assertThat(events.get(events.size() - 1).name()).isEqualTo("response.failed");
    assertThat(events).extracting(ProtocolCalls.Event::name).doesNotContain("error");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.truncated()).isFalse();
    assertThat(event.content()).contains("The model failed to finish");
    assertThat(event.usage()).isEqualTo(Usage.of(15, 4));
  }

  @Test
  @DisplayName("A client that leaves a Responses stream cancels the upstream call and is billed for what was produced")
  void clientDisconnect() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, "/v1/responses",
        create(MODEL).put("stream", true)));
    Await.until(() -> capture.text().contains("response.output_text.delta"), 30, "the first delta");
    Await.result(capture.response.request().connection().close());

    Await.until(() -> upstream.cancelledRequests() == 1, 30, "the upstream call to be cancelled");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(499);
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello"));
    harness.vertx.runOnContext(v -> release.complete());
  }

  @Test
  @DisplayName("Follow-ups and previous_response_id go to the channel that created the response, even when another channel wins every other pick")
  void followUpsArePinned() {
    JsonObject created = harness.post("/v1/responses", KEY, create(PINNED_MODEL).put("background", true))
        .bodyAsJsonObject();
    String id = created.getString("id");
    assertThat(creator.requests()).hasSize(1);
    setStatus(preferredChannel, Status.ENABLED);
    Await.until(() -> {
      harness.post("/v1/responses", KEY, create(PINNED_MODEL));
      return !preferred.requests().isEmpty();
    }, 10, "the preferred channel to serve new responses");
    creator.reset();

    HttpResponse<Buffer> got = harness.get("/v1/responses/" + id, KEY);
    HttpResponse<Buffer> items = harness.get("/v1/responses/" + id + "/input_items?limit=5", KEY);
    HttpResponse<Buffer> cancelled = harness.post("/v1/responses/" + id + "/cancel", KEY, Buffer.buffer());
    HttpResponse<Buffer> next = harness.post("/v1/responses", KEY,
        create(PINNED_MODEL).put("previous_response_id", id));
    HttpResponse<Buffer> deleted = ProtocolCalls.send(harness, "DELETE", "/v1/responses/" + id, KEY);
    HttpResponse<Buffer> afterDelete = harness.get("/v1/responses/" + id, KEY);

    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.bodyAsJsonObject().getString("id")).isEqualTo(id);
    assertThat(items.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getString("role")).isEqualTo("user");
    assertThat(cancelled.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.bodyAsJsonObject().getString("previous_response_id")).isEqualTo(id);
    assertThat(deleted.bodyAsJsonObject().getBoolean("deleted")).isTrue();
    assertThat(afterDelete.statusCode()).isEqualTo(404);
    assertThat(creator.requests()).extracting(r -> r.method() + " " + r.path() + queryOf(r)).containsExactly(
        "GET /v1/responses/" + id,
        "GET /v1/responses/" + id + "/input_items?limit=5",
        "POST /v1/responses/" + id + "/cancel",
        "POST /v1/responses",
        "DELETE /v1/responses/" + id);
    assertThat(creator.lastRequest().header("Authorization")).isEqualTo("Bearer sk-creator");
    RelayCompleted getEvent = eventOf(got);
    assertThat(getEvent.mode()).isEqualTo(Mode.RESPONSES_GET.number());
    assertThat(getEvent.channelId()).isEqualTo(creatorChannel);
    assertThat(getEvent.usage()).isEqualTo(Usage.ZERO);
    assertThat(getEvent.amount().total().signum()).isZero();
    assertThat(eventOf(cancelled).mode()).isEqualTo(Mode.RESPONSES_CANCEL.number());
    assertThat(eventOf(next).channelId()).isEqualTo(creatorChannel);
    assertThat(eventOf(next).mode()).isEqualTo(Mode.RESPONSES.number());
    setStatus(preferredChannel, Status.DISABLED);
  }

  @Test
  @DisplayName("When the creating channel is disabled, follow-ups fail clearly instead of falling back to another channel")
  void disabledPinnedChannel() {
    String id = harness.post("/v1/responses", KEY, create(LONELY_MODEL)).bodyAsJsonObject().getString("id");
    assertThat(creator.requests()).hasSize(1);
    setStatus(lonelyChannel, Status.DISABLED);
    Await.until(() -> harness.get("/v1/responses/" + id, KEY).statusCode() == 503, 10, "the channel to be disabled");
    upstream.reset();

    HttpResponse<Buffer> got = harness.get("/v1/responses/" + id, KEY);
    HttpResponse<Buffer> next = harness.post("/v1/responses", KEY,
        create(LONELY_MODEL).put("previous_response_id", id));
    HttpResponse<Buffer> fresh = harness.post("/v1/responses", KEY, create(LONELY_MODEL));

    assertThat(got.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("pinned_channel_unavailable");
    assertThat(next.statusCode()).isEqualTo(503);
    assertThat(next.bodyAsJsonObject().getJsonObject("error").getString("message")).contains(id);
    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(upstream.requests()).extracting(RecordedRequest::path).containsExactly("/v1/responses");
    assertThat(upstream.lastRequest().json().containsKey("previous_response_id")).isFalse();
    setStatus(lonelyChannel, Status.ENABLED);
  }

  @Test
  @DisplayName("A follow-up on a channel whose key can no longer make a request gets a 502 and is logged, as a new "
      + "response does, instead of an unlogged 500")
  void misconfiguredPinnedChannel() {
    String id = harness.post("/v1/responses", KEY, create(REKEYED_MODEL)).bodyAsJsonObject().getString("id");
    Await.result(harness.pool.preparedQuery("UPDATE channels SET key = $1 WHERE id = $2")
        .execute(Tuple.of("sk-one\nsk-two", rekeyedChannel)));
    harness.publish(Kind.CHANNEL, rekeyedChannel, Op.UPSERT);
    Await.until(() -> harness.post("/v1/responses", KEY, create(REKEYED_MODEL)).statusCode() == 502, 10,
        "the new key to reach the relay");
    creator.reset();

    HttpResponse<Buffer> got = harness.get("/v1/responses/" + id, KEY);

    assertThat(got.statusCode()).isEqualTo(502);
    assertThat(got.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("channel " + rekeyedChannel + " is misconfigured");
    assertThat(creator.requests()).isEmpty();
    RelayCompleted event = eventOf(got);
    assertThat(event.mode()).isEqualTo(Mode.RESPONSES_GET.number());
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.attempts()).extracting(Attempt::channelId).containsExactly(rekeyedChannel);
  }

  @Test
  @DisplayName("Unknown ids and responses of another group are 404 in OpenAI's shape, and never reach an upstream")
  void unknownAndForeignIds() {
    String id = harness.post("/v1/responses", KEY, create(MODEL)).bodyAsJsonObject().getString("id");
    upstream.reset();

    HttpResponse<Buffer> unknown = harness.get("/v1/responses/resp_unknown", KEY);
    HttpResponse<Buffer> foreign = harness.get("/v1/responses/" + id, OTHER_GROUP_KEY);
    HttpResponse<Buffer> foreignDelete = ProtocolCalls.send(harness, "DELETE", "/v1/responses/" + id, OTHER_GROUP_KEY);
    HttpResponse<Buffer> foreignPrevious = harness.post("/v1/responses", OTHER_GROUP_KEY,
        create(MODEL).put("previous_response_id", id));
    HttpResponse<Buffer> badPrevious = harness.post("/v1/responses", KEY,
        create(MODEL).put("previous_response_id", new JsonArray()));

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("type")).isEqualTo("invalid_request_error");
    assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("resp_unknown");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreignDelete.statusCode()).isEqualTo(404);
    assertThat(foreignPrevious.statusCode()).isEqualTo(404);
    assertThat(foreignPrevious.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("previous_response_not_found");
    assertThat(badPrevious.statusCode()).isEqualTo(400);
    assertThat(upstream.requests()).isEmpty();
    assertThat(harness.get("/v1/responses/" + id, KEY).statusCode()).isEqualTo(200);
  }

  private static String queryOf(RecordedRequest request) {
    return request.query().isEmpty() ? "" : "?" + request.query();
  }

  private void setStatus(int channel, int status) {
    Await.result(harness.pool.preparedQuery("UPDATE channels SET status = $1 WHERE id = $2")
        .execute(Tuple.of(status, channel)));
    harness.publish(Kind.CHANNEL, channel, Op.UPSERT);
  }
}
