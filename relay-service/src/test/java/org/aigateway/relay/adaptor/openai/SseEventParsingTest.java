package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SseEventParsingTest {

  /** The reference: the line rules of the SSE format as the regex-based reader applied them. */
  private static String reference(String raw) {
    StringBuilder data = null;
    for (String line : raw.split("\r?\n")) {
      if (line.startsWith("data:")) {
        String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return data == null ? null : data.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'data: {\"a\":1}\n\n'",
      "'data:{\"a\":1}\r\n\r\n'",
      "'data:  two spaces\n\n'",
      "'data:\n\n'",
      "'data: \n\n'",
      "': comment\n\n'",
      "'event: x\ndata: one\ndata:two\nid: 3\n\n'",
      "'data: one\r\ndata: two\r\n\r\n'",
      "'data: tail without newline'",
      "'data: tail with cr\r'",
      "'data: inner\rcr\n\n'",
      "'dat: not data\n\n'",
      "'DATA: upper case is not data\n\n'",
      "'data: ünïcödé ✓ 数据\n\n'",
      "'\ndata: after blank line\n\n'",
  })
  @DisplayName("An event's data is the same as the line rules of the SSE format give, byte for byte")
  void sameAsReference(String raw) {
    Buffer buffer = Buffer.buffer(raw.getBytes(StandardCharsets.UTF_8));

    SseEvent event = SseFramer.event(buffer);

    assertThat(event.data()).isEqualTo(reference(raw));
    assertThat(event.raw()).isSameAs(buffer);
  }
}
