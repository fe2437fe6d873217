package org.aigateway.relay.pdf;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.aigateway.relay.convert.DataUrls;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.error.OpenAiErrors;

/**
 * PDF files inline in chat messages, OpenAI's
 * {@code {"type":"file","file":{"file_data":"data:application/pdf;base64,...","filename":"a.pdf"}}}
 * content parts, and their replacement by text parts for upstreams that cannot read PDFs.
 */
public final class PdfParts {

  private static final String PDF = "application/pdf";

  private PdfParts() {
  }

  /** Whether some message of the chat body carries an inline PDF part. */
  public static boolean present(JsonObject body) {
    for (JsonObject message : Jsons.objects(Jsons.array(body, "messages"))) {
      if (message.getValue("content") instanceof JsonArray parts) {
        for (JsonObject part : Jsons.objects(parts)) {
          if (inlinePdf(part) != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A copy of the chat body whose inline PDF parts are text parts holding the PDF's text, headed by
   * its file name. Blocking: call on a worker.
   *
   * @throws org.aigateway.relay.error.RelayException 400 or 413 for a PDF that cannot be read ({@link PdfText})
   */
  public static JsonObject asText(JsonObject body, PdfLimits limits) {
    JsonArray messages = new JsonArray();
    for (Object item : Jsons.array(body, "messages")) {
      if (item instanceof JsonObject message && message.getValue("content") instanceof JsonArray parts) {
        JsonArray content = new JsonArray();
        for (Object part : parts) {
          content.add(part instanceof JsonObject p ? textOf(p, limits) : part);
        }
        messages.add(message.copy().put("content", content));
      } else {
        messages.add(item);
      }
    }
    return new JsonObject(new LinkedHashMap<>(body.getMap())).put("messages", messages);
  }

  private static Object textOf(JsonObject part, PdfLimits limits) {
    DataUrls.Inline pdf = inlinePdf(part);
    if (pdf == null) {
      return part;
    }
    Buffer data;
    try {
      data = Buffer.buffer(Base64.getMimeDecoder().decode(pdf.data()));
    } catch (IllegalArgumentException e) {
      throw OpenAiErrors.unreadablePdf("The PDF's file_data is not valid base64.");
    }
    String name = Jsons.string(Jsons.object(part, "file"), "filename");
    String text = PdfText.extract(data, limits).markdown();
    return new JsonObject().put("type", "text")
        .put("text", "[PDF" + (name == null ? "" : " " + name) + "]\n" + text);
  }

  private static DataUrls.Inline inlinePdf(JsonObject part) {
    if (!"file".equals(part.getString("type"))) {
      return null;
    }
    DataUrls.Inline inline = DataUrls.parse(Jsons.string(Jsons.object(part, "file"), "file_data"));
    return inline != null && PDF.equals(inline.mediaType()) ? inline : null;
  }
}
