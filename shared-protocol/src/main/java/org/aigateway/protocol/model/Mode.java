package org.aigateway.protocol.model;

/**
 * Relay modes; the number is stored as a model config's {@code type} and a log's {@code mode},
 * the same numbers as the original gateway.
 */
public enum Mode {
  UNKNOWN(0),
  CHAT_COMPLETIONS(1),
  COMPLETIONS(2),
  EMBEDDINGS(3),
  MODERATIONS(4),
  IMAGES_GENERATIONS(5),
  IMAGES_EDITS(6),
  AUDIO_SPEECH(7),
  AUDIO_TRANSCRIPTION(8),
  AUDIO_TRANSLATION(9),
  RERANK(10),
  PARSE_PDF(11),
  ANTHROPIC(12),
  RESPONSES(16),
  RESPONSES_GET(17),
  RESPONSES_DELETE(18),
  RESPONSES_CANCEL(19),
  RESPONSES_INPUT_ITEMS(20),
  GEMINI(21);

  private final int number;

  Mode(int number) {
    this.number = number;
  }

  /** The stored number. */
  public int number() {
    return number;
  }

  /** The mode with this number, {@link #UNKNOWN} for numbers this build does not serve. */
  public static Mode of(int number) {
    for (Mode mode : values()) {
      if (mode.number == number) {
        return mode;
      }
    }
    return UNKNOWN;
  }

  /** Whether a model configured with this type may be served on {@code endpoint}. */
  public boolean servableOn(Mode endpoint) {
    if (this == UNKNOWN || this == endpoint) {
      return true;
    }
    return switch (endpoint) {
      case CHAT_COMPLETIONS, ANTHROPIC, GEMINI -> isChatFamily() || this == RESPONSES;
      case COMPLETIONS -> isChatFamily();
      case RESPONSES -> isChatFamily() && this != COMPLETIONS;
      default -> false;
    };
  }

  private boolean isChatFamily() {
    return this == CHAT_COMPLETIONS || this == COMPLETIONS || this == ANTHROPIC || this == GEMINI;
  }
}
