package org.aigateway.relay.multipart;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One part of a {@code multipart/form-data} body.
 *
 * @param filename     the part's file name; {@code null} for a plain field
 * @param contentType  the part's {@code Content-Type}; {@code null} when it sent none
 * @param data         the part's bytes (a slice of the received body, not a copy)
 */
public record MultipartPart(String name, String filename, String contentType, Buffer data) {

  /** Whether the part is a file upload rather than a plain field. */
  public boolean isFile() {
    return filename != null;
  }

  /** The part's bytes read as UTF-8 text. */
  public String text() {
    return data.toString(StandardCharsets.UTF_8);
  }
}
