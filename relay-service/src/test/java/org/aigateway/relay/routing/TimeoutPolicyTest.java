package org.aigateway.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.LongPredicate;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.relay.adaptor.Deadlines;
import org.aigateway.relay.adaptor.RelayRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeoutPolicyTest {

  private static final long IDLE = 60_000;
  private static final long TOTAL = 1_800_000;
  private static final LongPredicate NOT_COUNTED = tokens -> {
    throw new AssertionError("the input tokens were counted although an override applies");
  };

  private final TimeoutPolicy defaults = new TimeoutPolicy(Map.of(), IDLE, TOTAL);

  @ParameterizedTest(name = "{0}, stream {1}, {2} input tokens -> {3} s")
  @CsvSource({
      "EMBEDDINGS, false, 0, 30", "MODERATIONS, false, 0, 300", "IMAGES_GENERATIONS, false, 0, 600",
      "IMAGES_EDITS, false, 0, 600", "AUDIO_TRANSCRIPTION, false, 0, 300", "AUDIO_TRANSLATION, false, 0, 300",
      "RERANK, false, 0, 180", "PARSE_PDF, false, 0, 180",
      "CHAT_COMPLETIONS, true, 10240, 180", "CHAT_COMPLETIONS, true, 10241, 300", "CHAT_COMPLETIONS, true, 102401, 600",
      "ANTHROPIC, false, 10240, 300", "ANTHROPIC, false, 10241, 600", "RESPONSES, false, 102401, 900",
      "COMPLETIONS, true, 0, 180", "GEMINI, false, 0, 300",
      "AUDIO_SPEECH, true, 0, 180", "AUDIO_SPEECH, false, 0, 900",
  })
  @DisplayName("Without overrides the first-byte deadline follows the original's table, longer for big chat inputs")
  void defaultTable(Mode mode, boolean stream, long inputTokens, long seconds) {
    Deadlines deadlines = defaults.deadlines(request(mode, stream), null, tokens -> inputTokens > tokens);

    assertThat(deadlines.firstByteMs()).isEqualTo(seconds * 1000);
    assertThat(deadlines.totalMs()).isEqualTo(TOTAL);
  }

  @Test
  @DisplayName("TIMEOUT_WITH_MODEL_TYPE replaces the default of its mode only, without counting tokens")
  void byModeSetting() {
    TimeoutPolicy policy = new TimeoutPolicy(Map.of(1, 7_000L), IDLE, TOTAL);

    assertThat(policy.deadlines(request(Mode.CHAT_COMPLETIONS, true), null, NOT_COUNTED).firstByteMs()).isEqualTo(7_000);
    assertThat(policy.deadlines(request(Mode.EMBEDDINGS, false), null, NOT_COUNTED).firstByteMs()).isEqualTo(30_000);
  }

  @Test
  @DisplayName("A model's request_timeout beats TIMEOUT_WITH_MODEL_TYPE; its stream_request_timeout beats both, for streams only")
  void modelConfigWins() {
    TimeoutPolicy policy = new TimeoutPolicy(Map.of(1, 7_000L), IDLE, TOTAL);
    ModelConfig config = model(new JsonObject().put("request_timeout", 20).put("stream_request_timeout", 40));
    ModelConfig requestOnly = model(new JsonObject().put("request_timeout", 20));

    assertThat(policy.deadlines(request(Mode.CHAT_COMPLETIONS, false), config, NOT_COUNTED).firstByteMs()).isEqualTo(20_000);
    assertThat(policy.deadlines(request(Mode.CHAT_COMPLETIONS, true), config, NOT_COUNTED).firstByteMs()).isEqualTo(40_000);
    assertThat(policy.deadlines(request(Mode.CHAT_COMPLETIONS, true), requestOnly, NOT_COUNTED).firstByteMs())
        .isEqualTo(20_000);
    assertThat(policy.deadlines(request(Mode.CHAT_COMPLETIONS, false), model(new JsonObject().put("request_timeout", 0)),
        NOT_COUNTED).firstByteMs()).isEqualTo(7_000);
  }

  @Test
  @DisplayName("Streams get the idle deadline of STREAM_IDLE_TIMEOUT_SECONDS or the model's stream_idle_timeout; whole answers none")
  void idle() {
    ModelConfig patient = model(new JsonObject().put("stream_idle_timeout", 300));

    assertThat(defaults.deadlines(request(Mode.CHAT_COMPLETIONS, true), null, tokens -> false).idleMs()).isEqualTo(IDLE);
    assertThat(defaults.deadlines(request(Mode.CHAT_COMPLETIONS, true), patient, tokens -> false).idleMs()).isEqualTo(300_000);
    assertThat(defaults.deadlines(request(Mode.CHAT_COMPLETIONS, false), patient, tokens -> false).idleMs()).isZero();
    assertThat(defaults.deadlines(request(Mode.AUDIO_SPEECH, false), null, tokens -> false).idleMs()).isEqualTo(IDLE);
  }

  private static RelayRequest request(Mode mode, boolean stream) {
    JsonObject body = new JsonObject().put("model", "m");
    return new RelayRequest("r", 0, 0, "/v1/x", "/x", mode, "m", body, body.toBuffer(), stream, false, "127.0.0.1");
  }

  private static ModelConfig model(JsonObject timeouts) {
    return new ModelConfig("m", "", 1, 0, 0, 0, timeouts, Price.FREE, new JsonObject(), new JsonObject(), 0, 0);
  }
}
