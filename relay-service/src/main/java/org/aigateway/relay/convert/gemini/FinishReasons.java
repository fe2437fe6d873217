package org.aigateway.relay.convert.gemini;

/** Gemini {@code finishReason} and OpenAI {@code finish_reason}. */
public final class FinishReasons {

  private FinishReasons() {
  }

  /**
   * OpenAI's finish reason for a Gemini one. Gemini ends a turn that calls functions with
   * {@code STOP}; OpenAI says {@code tool_calls}. {@code null} stays {@code null}.
   */
  public static String toOpenAi(String finishReason, boolean calledTools) {
    if (finishReason == null) {
      return null;
    }
    return switch (finishReason) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
      default -> calledTools ? "tool_calls" : "stop";
    };
  }

  /** Gemini's finish reason for an OpenAI one; none given means the turn ended. */
  public static String fromOpenAi(String finishReason) {
    if (finishReason == null) {
      return "STOP";
    }
    return switch (finishReason) {
      case "length" -> "MAX_TOKENS";
      case "content_filter" -> "SAFETY";
      default -> "STOP";
    };
  }
}
