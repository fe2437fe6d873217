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
  private static final String USAGE = "\"usage\"";

  private final StringBuilder text = new StringBuilder();
  private final List<Piece> waiting = new ArrayList<>();
  private int waitingChars;

  /**
   * Whether a chunk can wait: every {@code "usage"} in it is followed by {@code : null} (OpenAI
   * sends {@code "usage":null} in each chunk of a stream that reports usage at the end), it has no
   * {@code "error"} and no backslash-u escape that could spell either. Anything else is read at once.
   */
  static boolean canWait(String data) {
    if (data.indexOf("\"error\"") >= 0 || data.indexOf("\\u") >= 0) {
      return false;
    }
    for (int at = data.indexOf(USAGE); at >= 0; at = data.indexOf(USAGE, at + USAGE.length())) {
      if (!nullFollows(data, at + USAGE.length())) {
        return false;
      }
    }
    return true;
  }

  private static boolean nullFollows(String data, int from) {
    int at = skipSpace(data, from);
    return at < data.length() && data.charAt(at) == ':' && data.startsWith("null", skipSpace(data, at + 1));
  }

  private static int skipSpace(String data, int from) {
    int at = from;
    while (at < data.length() && " \t\r\n".indexOf(data.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }

  /** Keeps an unparsed chunk; its text is read when asked for. */
  void defer(String data) {
    add(new Piece(data, true));
  }

  /** Adds the text of a chunk that was read at once, after the text of every chunk before it. */
  void append(CharSequence chunkText) {
    if (waiting.isEmpty()) {
      text.append(chunkText);
    } else {
      add(new Piece(chunkText.toString(), false));
    }
  }

  private void add(Piece piece) {
    waiting.add(piece);
    waitingChars += piece.value().length();
    if (waitingChars > MAX_WAITING_CHARS) {
      flush();
    }
  }

  private StringBuilder flush() {
    for (Piece piece : waiting) {
      if (piece.unparsed()) {
        OpenAiFields.read(piece.value(), text);
      } else {
        text.append(piece.value());
      }
    }
    waiting.clear();
    waitingChars = 0;
    return text;
  }

  @Override
  public int length() {
    return flush().length();
  }

  @Override
  public char charAt(int index) {
    return flush().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return flush().subSequence(start, end);
  }

  @Override
  public String toString() {
    return flush().toString();
  }

  /** A waiting chunk's data, or the text of a chunk already read. */
  private record Piece(String value, boolean unparsed) {
  }
}
