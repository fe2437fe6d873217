package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream into server-sent events, whatever the TCP chunking: an event ends at a blank
 * line ({@code \n\n} or {@code \r\n\r\n}); the bytes of an unfinished event wait for the next chunk.
 */
final class SseFramer {

  private Buffer pending;
  private int scanFrom;
  private int lineStart;
  private boolean wholeChunk;

  /** The events completed by {@code chunk}, in order. */
  List<SseEvent> feed(Buffer chunk) {
    boolean hadPending = pending != null;
    Buffer buf = hadPending ? pending.appendBuffer(chunk) : chunk;
    List<SseEvent> events = new ArrayList<>(2);
    int eventStart = 0;
    int length = buf.length();
    for (int i = hadPending ? scanFrom : 0; i < length; i++) {
      if (buf.getByte(i) != '\n') {
        continue;
      }
      if (isBlank(buf, lineStart, i)) {
        events.add(event(buf.slice(eventStart, i + 1)));
        eventStart = i + 1;
      }
      lineStart = i + 1;
    }
    keepRest(buf, eventStart, length);
    wholeChunk = !hadPending && pending == null;
    return events;
  }

  /** Whether the last chunk held complete events only, so it can be forwarded as it came. */
  boolean lastChunkWhole() {
    return wholeChunk;
  }

  /** The unfinished event left when the stream ends, if any bytes of one remain. */
  List<SseEvent> finish() {
    if (pending == null) {
      return List.of();
    }
    SseEvent last = event(pending);
    pending = null;
    return List.of(last);
  }

  private void keepRest(Buffer buf, int eventStart, int length) {
    if (eventStart >= length) {
      pending = null;
      lineStart = 0;
      return;
    }
    pending = buf.getBuffer(eventStart, length);
    scanFrom = length - eventStart;
    lineStart -= eventStart;
  }

  private static boolean isBlank(Buffer buf, int from, int newline) {
    int len = newline - from;
    return len == 0 || (len == 1 && buf.getByte(from) == '\r');
  }

  static SseEvent event(Buffer raw) {
    String text = raw.toString(StandardCharsets.UTF_8);
    StringBuilder data = null;
    for (String line : text.split("\r?\n")) {
      if (!line.startsWith("data:")) {
        continue;
      }
      String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
      data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
    }
    return new SseEvent(raw, data == null ? null : data.toString());
  }
}
