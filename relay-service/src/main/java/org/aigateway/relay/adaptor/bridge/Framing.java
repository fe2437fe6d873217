package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.adaptor.openai.SseEvent;
import org.aigateway.relay.adaptor.openai.SseFramer;

/**
 * Cuts an upstream stream into events, whatever the TCP chunking: server-sent events for OpenAI,
 * Anthropic and Gemini, one JSON object per line for Ollama. One instance per stream.
 */
public interface Framing {

  /** The events {@code chunk} completes, in order; the list may be reused by the next call. */
  List<SseEvent> feed(Buffer chunk);

  /** The unfinished event left when the stream ends, if any. */
  List<SseEvent> finish();

  /** Server-sent events ({@link SseFramer}). */
  static Framing sse() {
    SseFramer framer = new SseFramer();
    return new Framing() {
      @Override
      public List<SseEvent> feed(Buffer chunk) {
        return framer.feed(chunk);
      }

      @Override
      public List<SseEvent> finish() {
        return framer.finish();
      }
    };
  }

  /** Newline-delimited JSON: each non-blank line is one event whose data is the line. */
  static Framing lines() {
    return new Lines();
  }

  /** The state of {@link #lines()}: the bytes of an unfinished line. */
  final class Lines implements Framing {

    private Buffer pending = Buffer.buffer();

    @Override
    public List<SseEvent> feed(Buffer chunk) {
      Buffer buf = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
      List<SseEvent> events = new ArrayList<>(2);
      int start = 0;
      for (int i = 0; i < buf.length(); i++) {
        if (buf.getByte(i) == '\n') {
          add(events, buf.getBuffer(start, i + 1));
          start = i + 1;
        }
      }
      pending = buf.getBuffer(start, buf.length());
      return events;
    }

    @Override
    public List<SseEvent> finish() {
      List<SseEvent> events = new ArrayList<>(1);
      if (pending.length() > 0) {
        add(events, pending);
        pending = Buffer.buffer();
      }
      return events;
    }

    private static void add(List<SseEvent> events, Buffer line) {
      String text = line.toString(StandardCharsets.UTF_8).strip();
      events.add(new SseEvent(line, text.isEmpty() ? null : text));
    }
  }
}
