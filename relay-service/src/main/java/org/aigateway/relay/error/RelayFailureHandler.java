package org.aigateway.relay.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one failure handler of the relay routes: every failure becomes an error body in the route's protocol. */
public final class RelayFailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RelayFailureHandler.class);

  private final long bodyLimit;

  public RelayFailureHandler(long bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.end();
      return;
    }
    send(response, toRelayException(ctx), ClientProtocol.of(ctx.request().method(), ctx.request().path()));
  }

  /** Writes {@code error} as the whole response, in OpenAI's shape. */
  public static void send(HttpServerResponse response, RelayException error) {
    send(response, error, ClientProtocol.OPENAI);
  }

  /** Writes {@code error} as the whole response, in the shape of the route's protocol. */
  public static void send(HttpServerResponse response, RelayException error, ClientProtocol protocol) {
    response.setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(protocol.body(error).toBuffer());
  }

  private RelayException toRelayException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof RelayException relay) {
      return relay;
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      return OpenAiErrors.tooLarge(bodyLimit);
    }
    if (status == 404) {
      return OpenAiErrors.unknownRoute(ctx.request().method().name(), ctx.request().path());
    }
    if (status >= 400 && status < 500) {
      return OpenAiErrors.status(status, failure == null ? "Bad request." : failure.getMessage());
    }
    LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    return OpenAiErrors.internal();
  }
}
