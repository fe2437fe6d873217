package org.aigateway.relay.convert.anthropic;

/** Anthropic {@code stop_reason} and OpenAI {@code finish_reason}. */
public final class StopReasons {

  private StopReasons() {
  }

  /** OpenAI's finish reason for an Anthropic stop reason; {@code null} stays {@code null}. */
  public static String toOpenAi(String stopReason) {
    if (stopReason == null) {
      return null;
    }
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }

  /** Anthropic's stop reason for an OpenAI finish reason; none given means the turn ended. */
  public static String fromOpenAi(String finishReason) {
    if (finishReason == null) {
      return "end_turn";
    }
    return switch (finishReason) {
      case "length" -> "max_tokens";
      case "tool_calls", "function_call" -> "tool_use";
      case "content_filter" -> "refusal";
      default -> "end_turn";
    };
  }
}
