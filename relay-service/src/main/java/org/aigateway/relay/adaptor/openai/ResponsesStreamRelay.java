package org.aigateway.relay.adaptor.openai;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
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
 * Relays a Responses API stream ({@code response.created} ... {@code response.completed}) event by
 * event as it arrives, pausing the upstream while the client's write queue is full, and reads the
 * response id and the usage on the way. A failure before any byte reached the client (an in-band
 * {@code error} event included) fails plainly so it can be retried; after that the client gets one
 * {@code error} event and nothing more. A {@code response.failed} event reaches the client as sent and
 * makes the request a failure.
 */
public final class ResponsesStreamRelay {

  private final RelayContext ctx;
  private final UpstreamExchange exchange;
  private final HttpClientResponse upstream;
  private final Downstream downstream;
  private final UsageCounter counter;
  private final SseFramer framer = new SseFramer();
  private final ResponsesStreamState state = new ResponsesStreamState();
  private final Promise<RelayResult> result = Promise.promise();

  ResponsesStreamRelay(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream,
                       UsageCounter counter) {
    this.ctx = ctx;
    this.exchange = exchange;
    this.upstream = upstream;
    this.downstream = ctx.downstream();
    this.counter = counter;
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
    relay(framer.feed(chunk));
  }

  /** Forwards the events, stopping at an in-band error: nothing after it is sent. */
  private void relay(List<SseEvent> events) {
    Buffer out = Buffer.buffer();
    for (SseEvent event : events) {
      state.accept(event.data());
      ctx.created(state.newId());
      if (state.error() != null && !downstream.committed() && out.length() == 0) {
        break;
      }
      out.appendBuffer(event.raw());
      if (state.error() != null) {
        break;
      }
    }
    if (out.length() > 0) {
      downstream.relay(out, upstream);
    }
    if (state.error() != null) {
      RelayException error = OpenAiErrors.inBand(state.error());
      // Nothing after the error is read: an upstream keeping its stream open would hold its connection forever.
      exchange.abort(error);
      fail(error);
    }
  }

  private void onEnd() {
    if (result.future().isComplete()) {
      return;
    }
    relay(framer.finish());
    if (result.future().isComplete()) {
      return;
    }
    if (!state.ended()) {
      fail(OpenAiErrors.badUpstreamResponse("the stream ended before response.completed"));
      return;
    }
    downstream.end();
    Counted usage = settle();
    JsonObject failure = state.failure();
    result.tryComplete(failure == null
        ? RelayResult.success(200, usage.usage(), usage.estimated(), state.responseId())
        : failed(OpenAiErrors.inBand(failure), usage));
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
    result.tryComplete(state.ended() ? failed(error, usage)
        : RelayResult.truncated(error, usage.usage(), usage.estimated(), state.responseId()));
  }

  private RelayResult failed(RelayException error, Counted usage) {
    return new RelayResult(error.status(), usage.usage(), usage.estimated(), state.responseId(), false, error);
  }

  private Counted settle() {
    return counter.settle(ctx.request(), ctx.actualModel(), state.usage(), state.text());
  }

  /** The Responses API's stream error event: {@code event: error} with {@code type, code, message, param}. */
  public static Buffer errorEvent(RelayException error) {
    JsonObject body = error.error();
    JsonObject event = new JsonObject().put("type", "error").put("code", body.getValue("code"))
        .put("message", body.getValue("message")).put("param", body.getValue("param"));
    return Buffer.buffer("event: error\ndata: ").appendBuffer(event.toBuffer()).appendString("\n\n");
  }
}
