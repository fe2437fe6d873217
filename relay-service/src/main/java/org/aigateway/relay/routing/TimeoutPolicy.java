package org.aigateway.relay.routing;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.LongPredicate;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.relay.adaptor.Deadlines;
import org.aigateway.relay.adaptor.RelayRequest;

/**
 * The {@link Deadlines} of a request's upstream calls. The first-byte deadline comes from, lowest
 * precedence first: the default of the request's mode (longer for big estimated inputs of chat-like
 * modes, whose prefill takes time), {@code TIMEOUT_WITH_MODEL_TYPE}, the model config's
 * {@code timeout_config.request_timeout} and, for streams, its {@code stream_request_timeout}.
 * Streams also get an idle deadline between chunks ({@code STREAM_IDLE_TIMEOUT_SECONDS}, overridden by
 * {@code timeout_config.stream_idle_timeout}), and so does speech, whose audio is a stream. Every call stays under the total ceiling.
 */
public final class TimeoutPolicy {

  static final long LARGE_INPUT_TOKENS = 10_240;
  static final long HUGE_INPUT_TOKENS = 102_400;
  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;

  private final Map<Integer, Long> byModeMs;
  private final long idleMs;
  private final long totalMs;

  /**
   * @param byModeMs first-byte deadlines by mode number, replacing the defaults of those modes
   * @param idleMs   the idle deadline of streams, 0 for none
   * @param totalMs  the ceiling of every call
   */
  public TimeoutPolicy(Map<Integer, Long> byModeMs, long idleMs, long totalMs) {
    this.byModeMs = byModeMs;
    this.idleMs = idleMs;
    this.totalMs = totalMs;
  }

  /**
   * The deadlines of {@code request} under {@code config} (may be {@code null}). {@code inputExceeds}
   * tells whether the estimated input exceeds a number of tokens; it is asked only when the table needs it.
   */
  public Deadlines deadlines(RelayRequest request, ModelConfig config, LongPredicate inputExceeds) {
    JsonObject timeouts = config == null ? null : config.timeoutConfig();
    boolean stream = request.stream();
    long firstByte = seconds(timeouts, stream ? "stream_request_timeout" : null);
    if (firstByte <= 0) {
      firstByte = seconds(timeouts, "request_timeout");
    }
    if (firstByte <= 0) {
      Long configured = byModeMs.get(request.mode().number());
      firstByte = configured != null ? configured : defaultMs(request.mode(), stream, inputExceeds);
    }
    boolean streamed = streamed(request);
    long idle = streamed ? seconds(timeouts, "stream_idle_timeout") : 0;
    return new Deadlines(firstByte, streamed && idle <= 0 ? idleMs : idle, totalMs);
  }

  /** Speech audio is relayed as it arrives whatever the request's stream flag, so its silences are watched too. */
  private static boolean streamed(RelayRequest request) {
    return request.stream() || request.mode() == Mode.AUDIO_SPEECH;
  }

  /** The original's table (its plugin/timeout), by mode. */
  static long defaultMs(Mode mode, boolean stream, LongPredicate inputExceeds) {
    return switch (mode) {
      case EMBEDDINGS -> 30 * SECOND;
      case MODERATIONS, AUDIO_TRANSCRIPTION, AUDIO_TRANSLATION -> 5 * MINUTE;
      case IMAGES_GENERATIONS, IMAGES_EDITS -> 10 * MINUTE;
      case RERANK, PARSE_PDF -> 3 * MINUTE;
      case CHAT_COMPLETIONS, COMPLETIONS, RESPONSES, ANTHROPIC, GEMINI -> chatMs(stream, inputExceeds);
      default -> stream ? 3 * MINUTE : 15 * MINUTE;
    };
  }

  private static long chatMs(boolean stream, LongPredicate inputExceeds) {
    if (!inputExceeds.test(LARGE_INPUT_TOKENS)) {
      return stream ? 3 * MINUTE : 5 * MINUTE;
    }
    if (inputExceeds.test(HUGE_INPUT_TOKENS)) {
      return stream ? 10 * MINUTE : 15 * MINUTE;
    }
    return stream ? 5 * MINUTE : 10 * MINUTE;
  }

  /** A positive number of seconds under {@code key} as milliseconds, else 0. */
  private static long seconds(JsonObject timeouts, String key) {
    if (timeouts == null || key == null || !(timeouts.getValue(key) instanceof Number n)) {
      return 0;
    }
    return n.doubleValue() > 0 ? Math.round(n.doubleValue() * SECOND) : 0;
  }
}
