package org.aigateway.relay.multipart;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * Reads a whole {@code multipart/form-data} body (RFC 7578) that is already in memory: the parts'
 * names, file names, content types and bytes, the bytes as slices of the body. Only what forms
 * need: no nested multiparts, no transfer encodings.
 */
public final class MultipartParser {

  private static final Pattern PARAM = Pattern.compile("([\\w*-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private MultipartParser() {
  }

  /** @throws RelayException 400 when the content type has no boundary or the body is not a well-formed form */
  public static MultipartForm parse(String contentType, Buffer body) {
    String boundary = param(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw malformed("the Content-Type has no boundary");
    }
    byte[] bytes = body.getBytes();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = 0;
    if (!startsWith(bytes, 0, delimiter)) {
      int first = indexOf(bytes, separator, 0);
      if (first < 0) {
        throw malformed("the boundary does not occur in the body");
      }
      at = first + 2;
    }
    List<MultipartPart> parts = new ArrayList<>();
    while (true) {
      int after = at + delimiter.length;
      if (startsWith(bytes, after, new byte[] {'-', '-'})) {
        return MultipartForm.of(parts);
      }
      if (!startsWith(bytes, after, new byte[] {'\r', '\n'})) {
        throw malformed("a boundary line is not followed by a line break");
      }
      int headersStart = after + 2;
      int headersEnd = indexOf(bytes, HEADERS_END, headersStart);
      if (headersEnd < 0) {
        throw malformed("a part's headers do not end");
      }
      int dataStart = headersEnd + HEADERS_END.length;
      int next = indexOf(bytes, separator, dataStart);
      if (next < 0) {
        throw malformed("the closing boundary is missing");
      }
      parts.add(part(new String(bytes, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          body.slice(dataStart, next)));
      at = next + 2;
    }
  }

  private static MultipartPart part(String headers, Buffer data) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals("content-disposition")) {
        disposition = value;
      } else if (name.equals("content-type")) {
        type = value;
      }
    }
    String name = disposition == null ? null : param(disposition, "name");
    if (name == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw malformed("a part has no Content-Disposition: form-data with a name");
    }
    return new MultipartPart(name, param(disposition, "filename"), type, data);
  }

  /** A parameter of a header value ({@code name="value"} or {@code name=value}), {@code null} when absent. */
  static String param(String header, String name) {
    if (header == null) {
      return null;
    }
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        return m.group(3) != null ? m.group(3).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2);
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte[] needle, int from) {
    byte first = needle[0];
    int last = bytes.length - needle.length;
    for (int i = from; i <= last; i++) {
      if (bytes[i] == first && startsWith(bytes, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static RelayException malformed(String detail) {
    return OpenAiErrors.badRequest("The multipart/form-data body is malformed: " + detail + ".", null);
  }
}
