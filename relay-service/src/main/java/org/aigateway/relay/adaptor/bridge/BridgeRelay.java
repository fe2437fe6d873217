package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an upstream answer through a {@link ResponsePlan}: streams event by event
 * ({@link BridgeStream}), whole answers converted (or passed through) in one piece. Shared by every
 * adaptor that converts between protocols.
 */
public final class BridgeRelay {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeRelay.class);

  private final UsageCounter counter;

  public BridgeRelay(UsageCounter counter) {
    this.counter = counter;
  }

  /** The input tokens the gateway counts for the context's request (its own protocol). */
  public long promptEstimate(RelayContext ctx) {
    return counter.estimatePrompt(ctx.request(), ctx.actualModel());
  }

  /** Relays the upstream's answer as {@code plan} says; the returned future always succeeds. */
  public Future<RelayResult> relay(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream,
                                   ResponsePlan plan) {
    int status = upstream.statusCode();
    if (status < 400 && ctx.request().stream() && !isJson(upstream.getHeader(HttpHeaders.CONTENT_TYPE))) {
      return new BridgeStream(ctx, exchange, upstream, plan, counter).run();
    }
    return upstream.body()
        .map(body -> status >= 400 ? RelayResult.failure(plan.error(status, body)) : whole(ctx, status, body, plan))
        .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))));
  }

  private RelayResult whole(RelayContext ctx, int status, Buffer body, ResponsePlan plan) {
    JsonObject json = Jsons.parseObject(body.toString());
    if (json == null) {
      return RelayResult.failure(OpenAiErrors.badUpstreamResponse("the body is not a JSON object"));
    }
    Buffer out;
    Counted usage;
    try {
      out = plan.passThrough() ? body : plan.response(json).toBuffer();
      Usage reported = plan.usage(json);
      boolean counted = reported != null && (reported.inputTokens() > 0 || reported.outputTokens() > 0);
      usage = counter.settle(ctx.request(), ctx.actualModel(), reported, counted ? "" : plan.text(json));
    } catch (RuntimeException e) {
      LOG.warn("Could not convert the answer of channel {}", ctx.channel().id(), e);
      return RelayResult.failure(OpenAiErrors.badUpstreamResponse("the answer could not be converted"));
    }
    ctx.downstream().end(status, "application/json", out);
    return RelayResult.success(status, usage.usage(), usage.estimated(), plan.upstreamId(json));
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.startsWith("application/json");
  }
}
