package org.aigateway.relay.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.aigateway.relay.error.RelayException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

  private static final String BODY = "preamble to ignore\r\n"
      + "--b\"x\r\n"
      + "Content-Disposition: form-data; name=\"model\"\r\n\r\n"
      + "whisper-1\r\n"
      + "--b\"x\r\n"
      + "content-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".mp3\"\r\n"
      + "Content-Type: audio/mpeg\r\n\r\n"
      + "line\r\n--b\"not the boundary\r\nand --b\"x inline\r\n"
      + "--b\"x--\r\n";

  @Test
  @DisplayName("Parts are read with their names, file names and exact bytes; a quoted boundary and a preamble are fine")
  void parses() {
    MultipartForm form = MultipartParser.parse("multipart/form-data; boundary=\"b\\\"x\"", Buffer.buffer(BODY));

    assertThat(form.parts()).hasSize(2);
    assertThat(form.field("model")).contains("whisper-1");
    MultipartPart file = form.file("file").orElseThrow();
    assertThat(file.filename()).isEqualTo("a \"b\".mp3");
    assertThat(file.contentType()).isEqualTo("audio/mpeg");
    assertThat(file.text()).isEqualTo("line\r\n--b\"not the boundary\r\nand --b\"x inline");
    assertThat(form.fields().encode()).isEqualTo("{\"model\":\"whisper-1\"}");
  }

  @Test
  @DisplayName("Re-encoding keeps every part's bytes, sets the field in place and uses the form's own boundary")
  void reencodes() {
    MultipartForm form = MultipartParser.parse("multipart/form-data; boundary=\"b\\\"x\"", Buffer.buffer(BODY))
        .withField("model", "gpt-4o-transcribe").withField("language", "en");

    MultipartForm again = MultipartParser.parse(form.contentType(), form.encode());

    assertThat(form.contentType()).startsWith("multipart/form-data; boundary=aigateway-");
    assertThat(again.parts()).extracting(MultipartPart::name).containsExactly("model", "file", "language");
    assertThat(again.field("model")).contains("gpt-4o-transcribe");
    assertThat(again.file("file").orElseThrow().text()).isEqualTo("line\r\n--b\"not the boundary\r\nand --b\"x inline");
    assertThat(again.file("file").orElseThrow().filename()).isEqualTo("a %22b%22.mp3");
  }

  @Test
  @DisplayName("Bodies that are not well-formed forms are refused with a 400")
  void refusesMalformed() {
    String part = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nx\r\n";
    for (String[] bad : new String[][] {
        {"multipart/form-data", part + "--b--\r\n"},
        {"multipart/form-data; boundary=b", part},
        {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"},
        {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nno end"},
        {"multipart/form-data; boundary=b", "no boundary at all"}}) {
      assertThatThrownBy(() -> MultipartParser.parse(bad[0], Buffer.buffer(bad[1])))
          .isInstanceOf(RelayException.class)
          .satisfies(e -> assertThat(((RelayException) e).status()).isEqualTo(400));
    }
  }
}
