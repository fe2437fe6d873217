package org.aigateway.relay.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.multipart.MultipartForm;
import org.aigateway.relay.multipart.MultipartParser;

/**
 * The routes whose requests are {@code multipart/form-data} forms: image edits ({@code image} or
 * {@code image[]} files), audio transcriptions and translations ({@code file}), PDF parsing
 * ({@code file}). The model is the form's {@code model} field; PDF parsing also takes it from the
 * query ({@code ?model=}), which wins.
 */
final class MultipartShape {

  private MultipartShape() {
  }

  static boolean expected(Mode mode) {
    return mode == Mode.IMAGES_EDITS || mode == Mode.AUDIO_TRANSCRIPTION || mode == Mode.AUDIO_TRANSLATION
        || mode == Mode.PARSE_PDF;
  }

  /** The parsed form of the request. @throws RelayException 400 when it is not a well-formed form with its file */
  static MultipartForm form(RoutingContext rc, Mode mode) {
    Buffer raw = rc.get(RequestBodies.MULTIPART);
    if (raw == null) {
      throw OpenAiErrors.badRequest("This endpoint takes a multipart/form-data body.", null);
    }
    MultipartForm form = MultipartParser.parse(rc.request().getHeader(HttpHeaders.CONTENT_TYPE), raw);
    String fileField = mode == Mode.IMAGES_EDITS ? "image" : "file";
    boolean hasFile = form.file(fileField).isPresent()
        || (mode == Mode.IMAGES_EDITS && form.file("image[]").isPresent());
    if (!hasFile) {
      throw OpenAiErrors.badRequest("You must upload a file in the `" + fileField + "` field.", fileField);
    }
    return form;
  }

  /** @throws RelayException 400 without a model */
  static String model(RoutingContext rc, Mode mode, MultipartForm form) {
    String query = mode == Mode.PARSE_PDF ? rc.queryParams().get("model") : null;
    String model = query != null && !query.isBlank() ? query : form.field("model").orElse("").strip();
    if (model.isEmpty()) {
      throw OpenAiErrors.badRequest("You must provide a model parameter (a non-empty `model` form field).", "model");
    }
    return model;
  }
}
