package org.aigateway.relay.convert.think;

/**
 * The streaming form of {@link ThinkSplit}: content arrives in pieces cut anywhere, even inside a
 * tag, and each piece is released as early as possible. Only what could still turn out to be part
 * of a tag is held back: leading whitespace and a prefix of {@code <think>} before the block is
 * decided, and a trailing prefix of {@code </think>} inside it. Feeding any cut of a text and then
 * {@link #finish()} gives the same reasoning and content as {@link ThinkSplit#split}.
 */
public final class ThinkSplitter {

  private enum State { HEAD, THINK_START, THINK, CONTENT_START, CONTENT }

  private final StringBuilder held = new StringBuilder();
  private State state = State.HEAD;
  private boolean opened;

  /** The reasoning and content {@code text} releases. */
  public ThinkPart feed(String text) {
    StringBuilder reasoning = new StringBuilder();
    StringBuilder content = new StringBuilder();
    String rest = text;
    while (!rest.isEmpty()) {
      rest = switch (state) {
        case HEAD -> head(rest, content);
        case THINK_START -> skipLineBreaks(rest, State.THINK);
        case THINK -> think(rest, reasoning);
        case CONTENT_START -> skipLineBreaks(rest, State.CONTENT);
        case CONTENT -> {
          content.append(rest);
          yield "";
        }
      };
    }
    return new ThinkPart(reasoning.toString(), content.toString());
  }

  /** Whether the content opened with a think block (as far as seen). */
  public boolean foundThink() {
    return opened;
  }

  /** Releases what was held back at the end of the content. */
  public ThinkPart finish() {
    String rest = held.toString();
    held.setLength(0);
    ThinkPart part = switch (state) {
      case HEAD -> new ThinkPart("", rest);
      case THINK -> new ThinkPart(rest, "");
      default -> ThinkPart.EMPTY;
    };
    if (state == State.HEAD) {
      state = State.CONTENT;
    }
    return part;
  }

  private String head(String text, StringBuilder content) {
    held.append(text);
    int start = 0;
    while (start < held.length() && ThinkSplit.isBlank(held.charAt(start))) {
      start++;
    }
    String candidate = held.substring(start);
    if (candidate.startsWith(ThinkSplit.OPEN)) {
      held.setLength(0);
      opened = true;
      state = State.THINK_START;
      return candidate.substring(ThinkSplit.OPEN.length());
    }
    if (!ThinkSplit.OPEN.startsWith(candidate)) {
      content.append(held);
      held.setLength(0);
      state = State.CONTENT;
    }
    return "";
  }

  private String skipLineBreaks(String text, State next) {
    int i = 0;
    while (i < text.length() && ThinkSplit.isLineBreak(text.charAt(i))) {
      i++;
    }
    if (i < text.length()) {
      state = next;
    }
    return text.substring(i);
  }

  private String think(String text, StringBuilder reasoning) {
    String buffered = held.append(text).toString();
    held.setLength(0);
    int close = buffered.indexOf(ThinkSplit.CLOSE);
    if (close >= 0) {
      reasoning.append(buffered, 0, close);
      state = State.CONTENT_START;
      return buffered.substring(close + ThinkSplit.CLOSE.length());
    }
    int keep = partialCloseLength(buffered);
    reasoning.append(buffered, 0, buffered.length() - keep);
    held.append(buffered, buffered.length() - keep, buffered.length());
    return "";
  }

  /** The length of the longest suffix of {@code text} that is a proper prefix of {@code </think>}. */
  private static int partialCloseLength(String text) {
    int max = Math.min(text.length(), ThinkSplit.CLOSE.length() - 1);
    for (int length = max; length > 0; length--) {
      if (ThinkSplit.CLOSE.startsWith(text.substring(text.length() - length))) {
        return length;
      }
    }
    return 0;
  }
}
