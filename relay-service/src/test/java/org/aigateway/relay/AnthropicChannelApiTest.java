package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeAnthropicServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OpenAI chat clients served by an Anthropic channel (type 14): conversion both ways, streams, tools, usage, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicChannelApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String MODEL = "claude-sonnet";
  private static final String UPSTREAM_MODEL = "claude-sonnet-4-5";
  private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final String TOOL_ARGS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

  private RelayHarness harness;
  private FakeAnthropicServer anthropic;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    harness.fixtures.group("claude", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "claude", List.of(), Status.ENABLED);
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant-upstream", List.of(MODEL),
        Map.of(MODEL, UPSTREAM_MODEL), 0, Status.ENABLED, List.of("default"));
    harness.fixtures.chatModel(MODEL, Fixtures.price("3", "15"));
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    anthropic.reset();
  }

  private static JsonObject chat() {
    return new JsonObject().put("model", MODEL).put("messages", new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", "Be brief."))
        .add(new JsonObject().put("role", "user").put("content", "Hello")));
  }

  private static JsonObject withTool(JsonObject chat) {
    JsonObject parameters = new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("city", new JsonObject().put("type", "string")));
    return chat.put("tools", new JsonArray().add(new JsonObject().put("type", "function")
        .put("function", new JsonObject().put("name", "get_weather").put("description", "Weather of a city")
            .put("parameters", parameters))));
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  @Test
  @DisplayName("A chat completion is sent to Anthropic as a Messages request with its credentials and answered as a chat completion")
  void wholeAnswer() {
    anthropic.behaviour().reply("Hi there!").usage(20, 7).details(100, 0).cacheCreation(30);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject completion = response.bodyAsJsonObject();
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("model")).isEqualTo(MODEL);
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("Hi there!");
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    JsonObject usage = completion.getJsonObject("usage");
    assertThat(usage.getLong("prompt_tokens")).isEqualTo(150);
    assertThat(usage.getJsonObject("prompt_tokens_details").getLong("cached_tokens")).isEqualTo(100);

    var sent = anthropic.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-upstream");
    assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(sent.header("Authorization")).isNull();
    JsonObject body = sent.json();
    assertThat(body.getString("model")).isEqualTo(UPSTREAM_MODEL);
    assertThat(body.getInteger("max_tokens")).isEqualTo(4096);
    assertThat(String.valueOf(body.getValue("system"))).contains("Be brief.");
    assertThat(body.getJsonArray("messages")).hasSize(1);

    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(new Usage(150, 7, 100, 30, 0, 157));
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.upstreamId()).startsWith("msg_fake");
    assertThat(event.actualModel()).isEqualTo(UPSTREAM_MODEL);
  }

  @Test
  @DisplayName("A streamed chat is translated from Anthropic's events into chunks, with the usage chunk carrying cache tokens")
  void streamedAnswer() {
    anthropic.behaviour().reply("One two three").usage(12, 3).details(40, 0).cacheCreation(8).splitFrames();

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat().put("stream", true)
        .put("stream_options", new JsonObject().put("include_usage", true)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    StringBuilder text = new StringBuilder();
    JsonObject usage = null;
    for (ProtocolCalls.Event event : events.subList(0, events.size() - 1)) {
      JsonObject chunk = event.json();
      assertThat(chunk.getString("model")).isEqualTo(MODEL);
      if (chunk.getValue("usage") instanceof JsonObject u) {
        usage = u;
      }
      JsonArray choices = chunk.getJsonArray("choices");
      if (!choices.isEmpty() && choices.getJsonObject(0).getJsonObject("delta").getString("content") != null) {
        text.append(choices.getJsonObject(0).getJsonObject("delta").getString("content"));
      }
    }
    assertThat(text.toString()).isEqualTo("One two three");
    assertThat(usage).isNotNull();
    assertThat(usage.getLong("prompt_tokens")).isEqualTo(60);
    assertThat(usage.getLong("completion_tokens")).isEqualTo(3);
    assertThat(usage.getJsonObject("prompt_tokens_details").getLong("cached_tokens")).isEqualTo(40);
    assertThat(usage.getJsonObject("prompt_tokens_details").getLong("cache_creation_tokens")).isEqualTo(8);
    assertThat(anthropic.lastRequest().json().getBoolean("stream")).isTrue();

    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(new Usage(60, 3, 40, 8, 0, 63));
    assertThat(event.stream()).isTrue();
    assertThat(event.truncated()).isFalse();
  }

  @Test
  @DisplayName("A stream without include_usage gets no usage chunk, yet the exact usage is billed")
  void usageHiddenWhenNotAsked() {
    anthropic.behaviour().reply("Hi").usage(9, 2);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat().put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).noneMatch(e -> e.data().startsWith("{") && e.json().getValue("usage") instanceof JsonObject);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(9, 2, 0, 0, 0, 11));
  }

  @Test
  @DisplayName("Tools go to Anthropic as input schemas and a tool_use block comes back as a tool call")
  void toolCallWhole() {
    anthropic.behaviour().reply("Let me check.").toolCall("get_weather", TOOL_ARGS);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, withTool(chat()));

    JsonObject tool = anthropic.lastRequest().json().getJsonArray("tools").getJsonObject(0);
    assertThat(tool.getString("name")).isEqualTo("get_weather");
    assertThat(tool.getJsonObject("input_schema").getString("type")).isEqualTo("object");
    JsonObject choice = response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo("toolu_fake1");
    assertThat(call.getJsonObject("function").getString("name")).isEqualTo("get_weather");
    assertThat(new JsonObject(call.getJsonObject("function").getString("arguments")))
        .isEqualTo(new JsonObject(TOOL_ARGS));
  }

  @Test
  @DisplayName("A streamed tool call arrives as a tool call delta whose argument fragments join to the arguments")
  void toolCallStreamed() {
    anthropic.behaviour().reply("Checking").toolCall("get_weather", TOOL_ARGS);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, withTool(chat()).put("stream", true));

    StringBuilder arguments = new StringBuilder();
    String name = null;
    String finish = null;
    for (ProtocolCalls.Event event : ProtocolCalls.events(response.bodyAsString())) {
      if (!event.data().startsWith("{")) {
        continue;
      }
      JsonObject choice = event.json().getJsonArray("choices").getJsonObject(0);
      finish = choice.getString("finish_reason") != null ? choice.getString("finish_reason") : finish;
      JsonArray calls = choice.getJsonObject("delta").getJsonArray("tool_calls");
      if (calls != null) {
        JsonObject function = calls.getJsonObject(0).getJsonObject("function");
        name = function.getString("name") != null ? function.getString("name") : name;
        arguments.append(function.getString("arguments", ""));
      }
    }
    assertThat(name).isEqualTo("get_weather");
    assertThat(new JsonObject(arguments.toString())).isEqualTo(new JsonObject(TOOL_ARGS));
    assertThat(finish).isEqualTo("tool_calls");
  }

  @Test
  @DisplayName("Anthropic's error answers keep their status and message, in OpenAI's shape")
  void upstreamErrors() {
    anthropic.behaviour().fail(529, UpstreamErrorBodies.error("overloaded_error", "Overloaded right now"));

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat());

    assertThat(response.statusCode()).isEqualTo(529);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("overloaded_error");
    assertThat(error.getString("message")).isEqualTo("Overloaded right now");
    assertThat(eventOf(response).status()).isEqualTo(529);
  }

  @Test
  @DisplayName("An in-band error event mid-stream ends the chunks with an OpenAI error event and no [DONE]")
  void inBandError() {
    anthropic.behaviour().reply("one two three four").inBandErrorAfterChunks(2);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat().put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
    JsonObject last = events.get(events.size() - 1).json();
    assertThat(last.getJsonObject("error").getString("type")).isEqualTo("overloaded_error");
    assertThat(events).filteredOn(e -> e.data().contains("\"error\"")).hasSize(1);
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(529);
    assertThat(event.content()).contains("Overloaded");
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("one two"));
  }

  @Test
  @DisplayName("A stream cut before message_stop ends with an error event, is logged truncated and billed for what was sent")
  void truncatedStream() {
    anthropic.behaviour().reply("one two three four").closeAfterChunks(2).usage(10, 0);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chat().put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
    assertThat(events.get(events.size() - 1).json().getJsonObject("error")).isNotNull();
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().inputTokens()).isEqualTo(10);
  }
}
