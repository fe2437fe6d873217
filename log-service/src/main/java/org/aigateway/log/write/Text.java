package org.aigateway.log.write;

import java.nio.charset.StandardCharsets;

/** Makes event text storable: PostgreSQL text cannot hold NUL, and error content is capped. */
final class Text {

  /** The cap of a log's {@code content}, in UTF-8 bytes. */
  static final int CONTENT_MAX_BYTES = 1024;

  private Text() {
  }

  /** {@code value} without NUL characters, {@code null} stays {@code null}. */
  static String clean(String value) {
    if (value == null || value.indexOf('\0') < 0) {
      return value;
    }
    return value.replace("\0", "");
  }

  /** {@code value} or {@code ""} when null, cleaned. */
  static String orEmpty(String value) {
    return value == null ? "" : clean(value);
  }

  /** The longest prefix of {@code value} whose UTF-8 form fits in {@code maxBytes}, never splitting a character. */
  static String truncate(String value, int maxBytes) {
    if (value == null || value.length() * 3L <= maxBytes
        || value.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return value;
    }
    int bytes = 0;
    int end = 0;
    while (end < value.length()) {
      int codePoint = value.codePointAt(end);
      int size = utf8Length(codePoint);
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return value.substring(0, end);
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
