package org.aigateway.relay.adaptor.openai;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/**
 * Relays one OpenAI SSE response event by event as it arrives, pausing the upstream while the
 * client's write queue is full. A stream that breaks before any byte reached the client fails
 * plainly (so it can be retried); after that the client gets an error event and no {@code [DONE]}.
 */
final class OpenAiStreamRelay {

  private final RelayContext ctx;
  private final UpstreamExchange exchange;
  private final HttpClientResponse upstream;
  private final Downstream downstream;
  private final UsageCounter counter;
  private final SseFramer framer = new SseFramer();
  private final List<SseEvent> kept = new ArrayList<>(8);
  private final OpenAiStreamState state;
  private final Promise<RelayResult> result = Promise.promise();

  OpenAiStreamRelay(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream, UsageCounter counter) {
    this.ctx = ctx;
    this.exchange = exchange;
    this.upstream = upstream;
    this.downstream = ctx.downstream();
    this.counter = counter;
    this.state = new OpenAiStreamState(ctx.request().clientWantsUsage());
  }

  Future<RelayResult> run() {
    upstream.exceptionHandler(err -> fail(exchange.failureOf(err)));
    upstream.endHandler(v -> onEnd());
    upstream.handler(this::onChunk);
    return result.future();
  }

  private void onChunk(Buffer chunk) {
    exchange.chunk();
    List<SseEvent> events = framer.feed(chunk);
    kept.clear();
    for (SseEvent event : events) {
      if (state.accept(event)) {
        kept.add(event);
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    forward(kept.size() == events.size() && framer.lastChunkWhole() ? chunk : join(kept));
  }

  private static Buffer join(List<SseEvent> events) {
    Buffer out = Buffer.buffer();
    for (SseEvent event : events) {
      out.appendBuffer(event.raw());
    }
    return out;
  }

  private void forward(Buffer out) {
    downstream.relay(out, upstream);
  }

  private void onEnd() {
    framer.finish().stream().filter(state::accept).forEach(e -> forward(e.raw()));
    if (state.error() != null) {
      fail(OpenAiErrors.inBand(state.error()));
    } else if (state.done()) {
      downstream.end();
      Counted usage = settle();
      result.tryComplete(RelayResult.success(200, usage.usage(), usage.estimated(), state.upstreamId()));
    } else {
      fail(OpenAiErrors.badUpstreamResponse("the stream ended before [DONE]"));
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
    if (state.error() == null) {
      downstream.write(errorEvent(error));
    }
    downstream.end();
    Counted usage = settle();
    result.tryComplete(state.done()
        ? new RelayResult(error.status(), usage.usage(), usage.estimated(), state.upstreamId(), false, error)
        : RelayResult.truncated(error, usage.usage(), usage.estimated(), state.upstreamId()));
  }

  private Counted settle() {
    return counter.settle(ctx.request(), ctx.actualModel(), state.usage(), state.text());
  }

  private static Buffer errorEvent(RelayException error) {
    JsonObject body = new JsonObject().put("error", error.error());
    return Buffer.buffer("data: ").appendBuffer(body.toBuffer()).appendString("\n\n");
  }
}
