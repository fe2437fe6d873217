package org.aigateway.relay.multipart;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A parsed {@code multipart/form-data} request: its parts in order, and the fresh boundary it is
 * written upstream with ({@link #encode()}), so that the upstream's {@code Content-Type} and body
 * agree whichever is asked for first.
 */
public record MultipartForm(List<MultipartPart> parts, String boundary) {

  private static final String CRLF = "\r\n";

  public MultipartForm {
    parts = List.copyOf(parts);
  }

  /** A form of {@code parts} with a new random boundary. */
  public static MultipartForm of(List<MultipartPart> parts) {
    return new MultipartForm(parts, "aigateway-" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** Whether a {@code Content-Type} header announces a multipart form. */
  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The text of the first plain field named {@code name}. */
  public Optional<String> field(String name) {
    return parts.stream().filter(p -> !p.isFile() && p.name().equals(name)).findFirst().map(MultipartPart::text);
  }

  /** The first file part named {@code name}. */
  public Optional<MultipartPart> file(String name) {
    return parts.stream().filter(p -> p.isFile() && p.name().equals(name)).findFirst();
  }

  /** The plain fields as a JSON object of strings (the first value of a repeated name), for counting and estimates. */
  public JsonObject fields() {
    JsonObject json = new JsonObject();
    for (MultipartPart part : parts) {
      if (!part.isFile() && !json.containsKey(part.name())) {
        json.put(part.name(), part.text());
      }
    }
    return json;
  }

  /** This form with the plain field {@code name} set to {@code value}: replaced in place, else appended. */
  public MultipartForm withField(String name, String value) {
    List<MultipartPart> changed = new ArrayList<>(parts.size() + 1);
    boolean replaced = false;
    for (MultipartPart part : parts) {
      if (!part.isFile() && part.name().equals(name)) {
        if (!replaced) {
          changed.add(new MultipartPart(name, null, part.contentType(), Buffer.buffer(value)));
          replaced = true;
        }
      } else {
        changed.add(part);
      }
    }
    if (!replaced) {
      changed.add(new MultipartPart(name, null, null, Buffer.buffer(value)));
    }
    return new MultipartForm(changed, boundary);
  }

  /** The {@code Content-Type} of {@link #encode()}'s body. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The form as a multipart body with this form's boundary; every part's bytes unchanged. */
  public Buffer encode() {
    int size = 64;
    for (MultipartPart part : parts) {
      size += part.data().length() + 160;
    }
    Buffer out = Buffer.buffer(size);
    for (MultipartPart part : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append(CRLF)
          .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
      if (part.isFile()) {
        head.append("; filename=\"").append(quoted(part.filename())).append('"');
      }
      head.append(CRLF);
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append(CRLF);
      }
      out.appendString(head.append(CRLF).toString(), StandardCharsets.UTF_8.name())
          .appendBuffer(part.data())
          .appendString(CRLF);
    }
    return out.appendString("--" + boundary + "--" + CRLF);
  }

  /** A header parameter value as browsers write it: quotes and line breaks percent-encoded. */
  private static String quoted(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
