package org.aigateway.relay.routing;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.ClientProtocol;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.monitor.ChannelHealth;
import org.aigateway.relay.outbox.UsageSink;
import org.aigateway.relay.usage.UsageEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a resolved request: picks a channel, calls it, retries on other channels as the
 * {@link RetryPolicy} allows, answers the client with the final error if nothing was sent, and
 * hands exactly one usage event to the sink. Every attempt runs through its (model, channel)'s
 * circuit breaker and its outcome goes to the {@link ChannelHealth} monitor, which the picker reads.
 */
public final class RelayExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(RelayExecutor.class);

  private final AdaptorRegistry adaptors;
  private final UpstreamCaller upstream;
  private final UsageSink sink;
  private final int defaultRetries;
  private final ChannelHealth health;

  public RelayExecutor(AdaptorRegistry adaptors, UpstreamCaller upstream, UsageSink sink, int defaultRetries,
                       ChannelHealth health) {
    this.adaptors = adaptors;
    this.upstream = upstream;
    this.sink = sink;
    this.defaultRetries = defaultRetries;
    this.health = health;
  }

  public void execute(RelayContext ctx, Resolution resolution) {
    Future.succeededFuture()
        .compose(v -> attempt(ctx, resolution.candidates(), new HashSet<>(), retries(ctx), null))
        .recover(err -> {
          LOG.error("Relay of request {} failed unexpectedly", ctx.request().requestId(), err);
          return Future.succeededFuture(RelayResult.failure(OpenAiErrors.internal()));
        })
        .onSuccess(result -> finish(ctx, result));
  }

  private Future<RelayResult> attempt(RelayContext ctx, List<Channel> candidates, Set<Integer> tried,
                                      int retriesLeft, RelayResult last) {
    String model = ctx.request().model();
    Optional<Channel> next = ChannelPicker.pick(candidates, tried, health.view(model));
    if (next.isEmpty()) {
      return Future.succeededFuture(last != null ? last
          : RelayResult.failure(OpenAiErrors.noChannel(model)));
    }
    Channel channel = next.get();
    tried.add(channel.id());
    ctx.useChannel(channel);
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    ProviderAdaptor adaptor = adaptors.forChannel(channel).orElseThrow();
    return health.guard(model, channel, () -> upstream.call(ctx, adaptor)).compose(result -> {
      health.record(model, channel, result);
      ctx.recordAttempt(new Attempt(channel.id(), result.status(), startedAt,
          (System.nanoTime() - t0) / 1_000_000, result.errorMessage()));
      Downstream downstream = ctx.downstream();
      return switch (RetryPolicy.next(result, downstream.committed(), downstream.gone(), retriesLeft)) {
        case DONE -> Future.succeededFuture(result);
        case RETRY -> attempt(ctx, candidates, tried, retriesLeft - 1, result);
        case MOVE_ON -> attempt(ctx, candidates, tried, retriesLeft, result);
      };
    });
  }

  private int retries(RelayContext ctx) {
    int configured = ctx.modelConfig() == null ? 0 : ctx.modelConfig().retryTimes();
    return configured > 0 ? configured : defaultRetries;
  }

  private void finish(RelayContext ctx, RelayResult result) {
    ctx.finished(result);
    Downstream downstream = ctx.downstream();
    if (result.failed() && !downstream.committed()) {
      RelayException error = result.error();
      downstream.end(error.status(), "application/json",
          ClientProtocol.of(ctx.request().mode()).body(error).toBuffer());
    }
    try {
      sink.submit(UsageEvents.completed(ctx, result));
    } catch (RuntimeException e) {
      LOG.error("Could not hand the usage event of request {} to the outbox", ctx.request().requestId(), e);
    }
  }
}
