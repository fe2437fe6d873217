package org.aigateway.relay.adaptor.openai;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a stream's plain delta chunks, read only if someone asks. The text is needed only
 * when the upstream reports no usage (to count it), which is known at the end of the stream; so
 * chunks that can carry neither usage nor an error wait here unparsed, up to a bound beyond which
 * they are read into the text at once. Reading gives exactly what reading each chunk on arrival gave.
 */
final class DeferredText implements CharSequence {

  /** Characters of chunks kept unparsed before they are read into the text. */
  static final int MAX_WAITING_CHARS = 64 * 1024;

  private final StringBuilder text = new StringBuilder();
  private final List<String> waiting = new ArrayList<>();
  private int waitingChars;

  /**
   * Whether a chunk can wait: it names no {@code "usage"} or {@code "error"} key and has no
   * backslash-u escape that could spell one. Anything else is read at once.
   */
  static boolean canWait(String data) {
    return data.indexOf("\"usage\"") < 0 && data.indexOf("\"error\"") < 0 && data.indexOf("\\u") < 0;
  }

  void defer(String data) {
    waiting.add(data);
    waitingChars += data.length();
    if (waitingChars > MAX_WAITING_CHARS) {
      flush();
    }
  }

  /** The builder the next chunk read at once appends to, after every waiting chunk (order is kept). */
  StringBuilder builder() {
    flush();
    return text;
  }

  private void flush() {
    for (String data : waiting) {
      OpenAiFields.read(data, text);
    }
    waiting.clear();
    waitingChars = 0;
  }

  @Override
  public int length() {
    return builder().length();
  }

  @Override
  public char charAt(int index) {
    return builder().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return builder().subSequence(start, end);
  }

  @Override
  public String toString() {
    return builder().toString();
  }
}
