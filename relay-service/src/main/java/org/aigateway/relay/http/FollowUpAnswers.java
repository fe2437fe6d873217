package org.aigateway.relay.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.openai.ResponsesFinalUsage;
import org.aigateway.relay.adaptor.openai.ResponsesStreamRelay;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * Relays the upstream's answers to the calls of {@link ResponseFollowUpHandler}. Their usage is zero,
 * unless the handler asks for the final usage of a background response: then it is that usage when
 * the answer shows the response finished.
 */
final class FollowUpAnswers {

  private FollowUpAnswers() {
  }

  /**
   * Relays the upstream's answer with its status and content type: a stream as it arrives, anything
   * else (small JSON objects) whole.
   */
  static Future<RelayResult> relay(Downstream downstream, UpstreamExchange exchange, HttpClientResponse upstream,
                                   boolean readUsage) {
    int status = upstream.statusCode();
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    if (status < 400 && type != null && type.startsWith("text/event-stream")) {
      return stream(downstream, exchange, upstream, readUsage ? new ResponsesFinalUsage() : null);
    }
    return upstream.body().map(body -> {
      if (status >= 400) {
        return RelayResult.failure(OpenAiErrors.fromUpstream(status, body));
      }
      downstream.end(status, type == null ? "application/json" : type, body);
      return RelayResult.success(status, readUsage ? orZero(ResponsesFinalUsage.of(body)) : Usage.ZERO, false, null);
    });
  }

  /**
   * A response retrieved with {@code stream=true}: its events go to the client as they arrive (a
   * background response still running streams until it ends), pausing the upstream for a slow client.
   * A stream cut off after its first byte ends with an {@code error} event.
   *
   * @param usage the reader of the final usage, {@code null} when it is not wanted
   */
  private static Future<RelayResult> stream(Downstream downstream, UpstreamExchange exchange,
                                            HttpClientResponse upstream, ResponsesFinalUsage usage) {
    Promise<RelayResult> result = Promise.promise();
    upstream.handler(chunk -> {
      exchange.chunk();
      if (usage != null) {
        usage.feed(chunk);
      }
      downstream.relay(chunk, upstream);
    });
    upstream.endHandler(v -> {
      downstream.end();
      result.tryComplete(RelayResult.success(200, usage == null ? Usage.ZERO : orZero(usage.streamed()), false,
          null));
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

  private static Usage orZero(Usage usage) {
    return usage == null ? Usage.ZERO : usage;
  }
}
