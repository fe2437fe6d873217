package org.aigateway.relay.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.multipart.MultipartForm;
import org.aigateway.relay.quota.ClientAddress;

/** Turns a client request into a {@link RelayRequest}: one JSON parse, the model, the stream flags. */
final class RequestParser {

  private RequestParser() {
  }

  /**
   * @throws RelayException 400 for a body that is not a JSON object or lacks a model (see {@link RequestShape}),
   *                        or a form that is malformed or lacks its file or model (see {@link MultipartShape})
   */
  static RelayRequest parse(RoutingContext rc, Mode mode, String upstreamPath) {
    if (MultipartShape.expected(mode)) {
      MultipartForm form = MultipartShape.form(rc, mode);
      return new RelayRequest(rc.get(RequestIds.ID), rc.get(RequestIds.AT), rc.get(RequestIds.START),
          rc.request().path(), upstreamPath, mode, MultipartShape.model(rc, mode, form), form.fields(),
          rc.get(RequestBodies.MULTIPART), false, false, clientIp(rc), form);
    }
    Buffer raw = rc.body().buffer();
    if (raw == null || raw.length() == 0) {
      throw OpenAiErrors.badRequest("The request body is empty: send a JSON object.", null);
    }
    RequestShape shape = RequestShape.of(rc, mode, decode(raw), raw);
    boolean wantsUsage = shape.stream() && shape.body().getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
    return new RelayRequest(rc.get(RequestIds.ID), rc.get(RequestIds.AT), rc.get(RequestIds.START),
        rc.request().path(), upstreamPath, mode, shape.model(), shape.body(), shape.raw(), shape.stream(), wantsUsage,
        clientIp(rc));
  }

  private static JsonObject decode(Buffer raw) {
    try {
      JsonObject body = new JsonObject(raw);
      if (body.getMap() == null) {
        throw OpenAiErrors.invalidJson();
      }
      return body;
    } catch (RelayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OpenAiErrors.invalidJson();
    }
  }

  /** The address the access gate resolved (trusted proxies considered), else the TCP peer. */
  static String clientIp(RoutingContext rc) {
    String resolved = rc.get(ClientAddress.KEY);
    if (resolved != null) {
      return resolved;
    }
    SocketAddress remote = rc.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
  }
}
