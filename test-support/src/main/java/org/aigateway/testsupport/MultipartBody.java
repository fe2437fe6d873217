package org.aigateway.testsupport;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code multipart/form-data} bodies for tests: built as a client sends them, and read back as a
 * fake upstream received them (a deliberately small reader, independent of the relay's).
 */
public final class MultipartBody {

  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** One part; {@code filename} is {@code null} for a plain field. */
  public record Part(String name, String filename, String contentType, Buffer data) {

    public String text() {
      return data.toString(StandardCharsets.UTF_8);
    }
  }

  private final String boundary;
  private final List<Part> parts = new ArrayList<>();

  private MultipartBody(String boundary) {
    this.boundary = boundary;
  }

  /** A new body to build, with a fixed client boundary. */
  public static MultipartBody create() {
    return new MultipartBody("----client-boundary-7MA4YWxkTrZu0gW");
  }

  public MultipartBody field(String name, String value) {
    parts.add(new Part(name, null, null, Buffer.buffer(value)));
    return this;
  }

  public MultipartBody file(String name, String filename, String contentType, Buffer data) {
    parts.add(new Part(name, filename, contentType, data));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public Buffer encode() {
    Buffer out = Buffer.buffer();
    for (Part part : parts) {
      out.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
      if (part.filename() != null) {
        out.appendString("; filename=\"" + part.filename() + "\"");
      }
      out.appendString("\r\n");
      if (part.contentType() != null) {
        out.appendString("Content-Type: " + part.contentType() + "\r\n");
      }
      out.appendString("\r\n").appendBuffer(part.data()).appendString("\r\n");
    }
    return out.appendString("--" + boundary + "--\r\n");
  }

  /** The parts of a received body; fails the test when the body is not a form with that boundary. */
  public static List<Part> parse(String contentType, Buffer body) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      throw new AssertionError("no boundary in " + contentType);
    }
    String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").strip();
    String text = body.toString(StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    if (!text.startsWith(delimiter) || !text.endsWith(delimiter + "--\r\n")) {
      throw new AssertionError("not a form with boundary " + boundary);
    }
    List<Part> parts = new ArrayList<>();
    int start = delimiter.length() + 2;
    int end;
    while ((end = text.indexOf("\r\n" + delimiter, start)) >= 0) {
      int headersEnd = text.indexOf("\r\n\r\n", start);
      String headers = text.substring(start, headersEnd);
      Matcher name = NAME.matcher(headers);
      Matcher filename = FILENAME.matcher(headers);
      String type = null;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-type:")) {
          type = line.substring("content-type:".length()).strip();
        }
      }
      parts.add(new Part(name.find() ? name.group(1) : null, filename.find() ? filename.group(1) : null, type,
          body.slice(headersEnd + 4, end)));
      start = end + 2 + delimiter.length() + 2;
    }
    return parts;
  }

  /** The text of the first plain field named {@code name} among {@code parts}. */
  public static Optional<String> field(List<Part> parts, String name) {
    return parts.stream().filter(p -> p.filename() == null && name.equals(p.name())).findFirst().map(Part::text);
  }
}
