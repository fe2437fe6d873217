package org.aigateway.relay.adaptor.openai;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/**
 * {@code /audio/speech}: the upstream's audio bytes go to the client as they arrive, under the
 * upstream's content type, with back-pressure, never held whole. The upstream reports no usage, so
 * the call is billed on its input as the gateway counts it (the characters of {@code input}).
 */
final class SpeechRelay {

  private SpeechRelay() {
  }

  static Future<RelayResult> run(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream,
                                 UsageCounter counter) {
    int status = upstream.statusCode();
    if (status >= 400) {
      return upstream.body()
          .map(body -> RelayResult.failure(OpenAiErrors.fromUpstream(status, body)))
          .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))));
    }
    Downstream downstream = ctx.downstream();
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    downstream.startBody(status, type == null ? "application/octet-stream" : type);
    Promise<RelayResult> result = Promise.promise();
    Counted usage = counter.settle(ctx.request(), ctx.actualModel(), null, "");
    // The answer has begun: from here on, silences longer than the idle deadline end the call.
    exchange.chunk();
    upstream.handler(chunk -> {
      exchange.chunk();
      downstream.relay(chunk, upstream);
    });
    upstream.endHandler(v -> {
      downstream.end();
      result.tryComplete(RelayResult.success(status, usage.usage(), usage.estimated(), null));
    });
    upstream.exceptionHandler(err -> {
      RelayException error = exchange.failureOf(err);
      if (!downstream.committed()) {
        result.tryComplete(RelayResult.failure(error));
        return;
      }
      downstream.abort();
      result.tryComplete(RelayResult.truncated(error, usage.usage(), usage.estimated(), null));
    });
    return result.future();
  }
}
