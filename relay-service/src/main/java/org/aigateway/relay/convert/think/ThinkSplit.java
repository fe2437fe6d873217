package org.aigateway.relay.convert.think;

import java.util.Optional;

/**
 * Splits a whole assistant message whose content opens with a {@code <think>} block (after optional
 * whitespace): the text up to {@code </think>} is reasoning, the rest content; line breaks right
 * after either tag are dropped. Without a closing tag all of it is reasoning. The reference accepts
 * only {@code "<think>\n"} and {@code "</think>\n"}; models also emit the tags without line breaks,
 * so both forms are accepted here.
 */
public final class ThinkSplit {

  static final String OPEN = "<think>";
  static final String CLOSE = "</think>";

  private ThinkSplit() {
  }

  /** The split of {@code text}, empty when it does not open with a think block. */
  public static Optional<ThinkPart> split(String text) {
    int start = 0;
    while (start < text.length() && isBlank(text.charAt(start))) {
      start++;
    }
    if (!text.startsWith(OPEN, start)) {
      return Optional.empty();
    }
    int reasoningStart = skipLineBreaks(text, start + OPEN.length());
    int close = text.indexOf(CLOSE, reasoningStart);
    if (close < 0) {
      return Optional.of(new ThinkPart(text.substring(reasoningStart), ""));
    }
    String content = text.substring(skipLineBreaks(text, close + CLOSE.length()));
    return Optional.of(new ThinkPart(text.substring(reasoningStart, close), content));
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || isLineBreak(c);
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static int skipLineBreaks(String text, int from) {
    int i = from;
    while (i < text.length() && isLineBreak(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
