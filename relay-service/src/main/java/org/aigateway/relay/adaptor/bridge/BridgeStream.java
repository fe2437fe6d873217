package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.List;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.openai.SseEvent;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/**
 * Relays one upstream stream event by event through a translator, pausing the upstream while the
 * client's write queue is full. Translated output is written as produced; on a pass-through plan the
 * upstream's bytes are written and the translator only reads usage, end and errors. A failure before
 * any byte reached the client (an in-band error included) fails plainly so the call can be retried;
 * after that the client gets an error event in its protocol and no end marker.
 */
final class BridgeStream {

  private final RelayContext ctx;
  private final UpstreamExchange exchange;
  private final HttpClientResponse upstream;
  private final Downstream downstream;
  private final ResponsePlan plan;
  private final UsageCounter counter;
  private final Framing framing;
  private final StreamTranslator translator;
  private final Promise<RelayResult> result = Promise.promise();

  BridgeStream(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream, ResponsePlan plan,
               UsageCounter counter) {
    this.ctx = ctx;
    this.exchange = exchange;
    this.upstream = upstream;
    this.downstream = ctx.downstream();
    this.plan = plan;
    this.counter = counter;
    this.framing = plan.framing();
    this.translator = plan.translator();
  }

  Future<RelayResult> run() {
    upstream.exceptionHandler(err -> fail(exchange.failureOf(err)));
    upstream.endHandler(v -> onEnd());
    upstream.handler(this::onChunk);
    return result.future();
  }

  private void onChunk(Buffer chunk) {
    if (result.future().isComplete()) {
      return;
    }
    exchange.chunk();
    forward(translate(framing.feed(chunk)));
    if (translator.error() != null) {
      fail(OpenAiErrors.from(translator.error()));
    }
  }

  private Buffer translate(List<SseEvent> events) {
    Buffer out = Buffer.buffer();
    for (SseEvent event : events) {
      Buffer translated = translator.onEvent(event.data());
      out.appendBuffer(plan.passThrough() ? event.raw() : translated);
    }
    return out;
  }

  /** Writes {@code out}, unless it is empty or carries an in-band error nothing was sent before (then it fails plainly). */
  private void forward(Buffer out) {
    if (out.length() == 0 || (translator.error() != null && !downstream.committed())) {
      return;
    }
    downstream.relay(out, upstream);
  }

  private void onEnd() {
    if (result.future().isComplete()) {
      return;
    }
    Buffer tail = translate(framing.finish());
    Buffer closing = translator.finish();
    forward(plan.passThrough() ? tail : tail.appendBuffer(closing));
    if (translator.error() != null) {
      fail(OpenAiErrors.from(translator.error()));
    } else if (translator.completed()) {
      downstream.end();
      Counted usage = settle();
      result.tryComplete(RelayResult.success(200, usage.usage(), usage.estimated(), translator.upstreamId()));
    } else {
      fail(OpenAiErrors.badUpstreamResponse("the stream ended before its end event"));
    }
  }

  private void fail(RelayException error) {
    if (result.future().isComplete()) {
      return;
    }
    if (!downstream.committed()) {
      result.tryComplete(RelayResult.failure(error));
      return;
    }
    if (translator.error() == null) {
      downstream.write(plan.failureEvent(error.protocolError()));
    }
    downstream.end();
    Counted usage = counter.settleTruncated(ctx.request(), ctx.actualModel(), translator.usage(), translator.text());
    result.tryComplete(RelayResult.truncated(error, usage.usage(), usage.estimated(), translator.upstreamId()));
  }

  private Counted settle() {
    return counter.settle(ctx.request(), ctx.actualModel(), translator.usage(), translator.text());
  }
}
