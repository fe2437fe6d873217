package org.aigateway.relay.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.openai.ResponsesStreamRelay;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/** Relays the upstream's answers to the calls of {@link ResponseFollowUpHandler}, with zero usage. */
final class FollowUpAnswers {

  private FollowUpAnswers() {
  }

  /**
   * Relays the upstream's answer with its status and content type: a stream as it arrives, anything
   * else (small JSON objects) whole.
   */
  static Future<RelayResult> relay(Downstream downstream, UpstreamExchange exchange, HttpClientResponse upstream) {
    int status = upstream.statusCode();
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    if (status < 400 && type != null && type.startsWith("text/event-stream")) {
      return stream(downstream, exchange, upstream);
    }
    return upstream.body().map(body -> {
      if (status >= 400) {
        return RelayResult.failure(OpenAiErrors.fromUpstream(status, body));
      }
      downstream.end(status, type == null ? "application/json" : type, body);
      return RelayResult.success(status, Usage.ZERO, false, null);
    });
  }

  /**
   * A response retrieved with {@code stream=true}: its events go to the client as they arrive (a
   * background response still running streams until it ends), pausing the upstream for a slow client.
   * A stream cut off after its first byte ends with an {@code error} event.
   */
  private static Future<RelayResult> stream(Downstream downstream, UpstreamExchange exchange,
                                            HttpClientResponse upstream) {
    Promise<RelayResult> result = Promise.promise();
    upstream.handler(chunk -> {
      exchange.chunk();
      downstream.relay(chunk, upstream);
    });
    upstream.endHandler(v -> {
      downstream.end();
      result.tryComplete(RelayResult.success(200, Usage.ZERO, false, null));
    });
    upstream.exceptionHandler(err -> {
      RelayException error = exchange.failureOf(err);
      if (!downstream.committed()) {
        result.tryComplete(RelayResult.failure(error));
        return;
      }
      downstream.write(ResponsesStreamRelay.errorEvent(error));
      downstream.end();
      result.tryComplete(RelayResult.truncated(error, Usage.ZERO, false, null));
    });
    return result.future();
  }
}
