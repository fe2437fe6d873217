package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream into server-sent events, whatever the TCP chunking: an event ends at a blank
 * line ({@code \n\n} or {@code \r\n\r\n}); the bytes of an unfinished event wait for the next chunk.
 */
public final class SseFramer {

  private final List<SseEvent> events = new ArrayList<>(16);
  private Buffer pending;
  private int scanFrom;
  private int lineStart;
  private boolean wholeChunk;

  /**
   * The events completed by {@code chunk}, in order, in a list this framer reuses: it is valid until the
   * next call (a stream's chunks allocate no list each).
   */
  public List<SseEvent> feed(Buffer chunk) {
    boolean hadPending = pending != null;
    Buffer buf = hadPending ? Buffer.buffer(pending.length() + chunk.length()).appendBuffer(pending).appendBuffer(chunk)
        : chunk;
    byte[] bytes = buf.getBytes();
    events.clear();
    int eventStart = 0;
    for (int i = indexOf(bytes, (byte) '\n', hadPending ? scanFrom : 0); i >= 0; i = indexOf(bytes, (byte) '\n', i + 1)) {
      if (isBlank(bytes, lineStart, i)) {
        events.add(event(buf.slice(eventStart, i + 1), bytes, eventStart, i + 1));
        eventStart = i + 1;
      }
      lineStart = i + 1;
    }
    keepRest(buf, eventStart, bytes.length);
    wholeChunk = !hadPending && pending == null;
    return events;
  }

  /** Whether the last chunk held complete events only, so it can be forwarded as it came. */
  public boolean lastChunkWhole() {
    return wholeChunk;
  }

  /** The unfinished event left when the stream ends, if any bytes of one remain. */
  public List<SseEvent> finish() {
    if (pending == null) {
      return List.of();
    }
    SseEvent last = event(pending);
    pending = null;
    return List.of(last);
  }

  /** Keeps the unfinished event's bytes (a view: a chunk's buffer is the relay's own) for the next chunk. */
  private void keepRest(Buffer buf, int eventStart, int length) {
    if (eventStart >= length) {
      pending = null;
      lineStart = 0;
      return;
    }
    pending = buf.slice(eventStart, length);
    scanFrom = length - eventStart;
    lineStart -= eventStart;
  }

  private static boolean isBlank(byte[] bytes, int from, int newline) {
    int len = newline - from;
    return len == 0 || (len == 1 && bytes[from] == '\r');
  }

  /** The event of {@code raw}: its {@code data:} line values (one optional space dropped) joined by newlines. */
  static SseEvent event(Buffer raw) {
    byte[] bytes = raw.getBytes();
    return event(raw, bytes, 0, bytes.length);
  }

  /** The event whose bytes are {@code bytes[from, to)}, which {@code raw} holds. */
  private static SseEvent event(Buffer raw, byte[] bytes, int from, int to) {
    StringBuilder joined = null;
    String single = null;
    for (int start = from; start < to; ) {
      int newline = indexOf(bytes, (byte) '\n', start, to);
      int end = newline < 0 ? to : newline;
      int lineEnd = newline > start && bytes[newline - 1] == '\r' ? newline - 1 : end;
      if (startsWithData(bytes, start, lineEnd)) {
        int value0 = start + 5 < lineEnd && bytes[start + 5] == ' ' ? start + 6 : start + 5;
        String value = new String(bytes, value0, lineEnd - value0, StandardCharsets.UTF_8);
        if (single == null) {
          single = value;
        } else {
          joined = (joined == null ? new StringBuilder(single) : joined).append('\n').append(value);
        }
      }
      start = end + 1;
    }
    return new SseEvent(raw, joined != null ? joined.toString() : single);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    return indexOf(bytes, b, from, bytes.length);
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWithData(byte[] bytes, int start, int lineEnd) {
    return lineEnd - start >= 5 && bytes[start] == 'd' && bytes[start + 1] == 'a' && bytes[start + 2] == 't'
        && bytes[start + 3] == 'a' && bytes[start + 4] == ':';
  }
}
