package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseFramerTest {

  private static final String LF = "data: {\"a\":1}\n\n: keep-alive\n\ndata: {\"b\":\"x\\ny\"}\n\ndata: [DONE]\n\n";
  private static final String CRLF = LF.replace("\n", "\r\n");

  static Stream<Arguments> cuts() {
    return Stream.of(LF, CRLF).flatMap(text -> IntStream.range(1, text.length()).mapToObj(cut -> Arguments.of(text, cut)));
  }

  @ParameterizedTest(name = "cut at {1}")
  @MethodSource("cuts")
  @DisplayName("Events come out whole and in order wherever the TCP chunks are cut")
  void splitAnywhere(String text, int cut) {
    SseFramer framer = new SseFramer();
    List<SseEvent> events = new ArrayList<>(framer.feed(Buffer.buffer(text.substring(0, cut))));
    events.addAll(framer.feed(Buffer.buffer(text.substring(cut))));

    assertThat(events).extracting(SseEvent::data).containsExactly("{\"a\":1}", null, "{\"b\":\"x\\ny\"}", "[DONE]");
    assertThat(events.stream().map(e -> e.raw().toString()).reduce("", String::concat)).isEqualTo(text);
    assertThat(framer.finish()).isEmpty();
  }

  @Test
  @DisplayName("Byte-by-byte feeding yields the same events")
  void byteByByte() {
    SseFramer framer = new SseFramer();
    List<SseEvent> events = new ArrayList<>();
    for (char c : LF.toCharArray()) {
      events.addAll(framer.feed(Buffer.buffer(String.valueOf(c))));
    }
    assertThat(events).extracting(SseEvent::data).containsExactly("{\"a\":1}", null, "{\"b\":\"x\\ny\"}", "[DONE]");
  }

  @Test
  @DisplayName("A chunk of whole events is reported as forwardable unchanged; a partial one is not")
  void wholeChunks() {
    SseFramer framer = new SseFramer();
    framer.feed(Buffer.buffer("data: 1\n\ndata: 2\n\n"));
    assertThat(framer.lastChunkWhole()).isTrue();
    framer.feed(Buffer.buffer("data: 3\n\ndata: "));
    assertThat(framer.lastChunkWhole()).isFalse();
  }

  @Test
  @DisplayName("Multi-line data is joined with newlines and an unterminated last event is returned at the end")
  void multiLineAndTail() {
    SseFramer framer = new SseFramer();
    assertThat(framer.feed(Buffer.buffer("event: x\ndata: one\ndata:two\n\ndata: tail"))).singleElement()
        .extracting(SseEvent::data).isEqualTo("one\ntwo");
    assertThat(framer.finish()).singleElement().extracting(SseEvent::data).isEqualTo("tail");
  }
}
