package org.aigateway.relay.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.multipart.MultipartForm;

/**
 * Reads request bodies for the relay routes. JSON (and anything that is not a multipart form) goes
 * through Vert.x's {@link BodyHandler} under the body limit. A {@code multipart/form-data} body is
 * kept whole, as its raw bytes, under its own limit: Vert.x's form decoding would write files to
 * disk or drop them, while the relay needs every part's bytes to send them upstream. The raw bytes
 * are in the context under {@link #MULTIPART}.
 */
final class RequestBodies implements Handler<RoutingContext> {

  /** Context key of a multipart request's raw body ({@link Buffer}). */
  static final String MULTIPART = "relay.multipart-body";

  private final BodyHandler json;
  private final long multipartLimit;

  RequestBodies(long bodyLimit, long multipartLimit) {
    this.json = BodyHandler.create(false).setBodyLimit(bodyLimit);
    this.multipartLimit = multipartLimit;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (!MultipartForm.isMultipart(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      json.handle(rc);
      return;
    }
    if (declaredLength(request) > multipartLimit) {
      rc.fail(OpenAiErrors.tooLarge(multipartLimit));
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
        && request.version() == HttpVersion.HTTP_1_1) {
      rc.response().writeContinue();
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    request.handler(chunk -> {
      if (over[0]) {
        return;
      }
      if (body.length() + (long) chunk.length() > multipartLimit) {
        over[0] = true;
        rc.fail(OpenAiErrors.tooLarge(multipartLimit));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.exceptionHandler(err -> {
      if (!over[0] && !rc.failed()) {
        rc.fail(400, err);
      }
    });
    request.endHandler(v -> {
      if (!over[0]) {
        rc.put(MULTIPART, body);
        rc.next();
      }
    });
    request.resume();
  }

  private static long declaredLength(HttpServerRequest request) {
    try {
      String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
