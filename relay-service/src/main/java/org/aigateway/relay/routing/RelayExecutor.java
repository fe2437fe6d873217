package org.aigateway.relay.routing;

import io.vertx.core.Future;
import java.util.Optional;
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
 * Runs a resolved request: picks a channel, calls it, retries as the {@link RetryPolicy} allows on
 * the channels a {@link RetryRound} chooses (after its backoff pause), answers the client with the
 * final error if nothing was sent, and hands exactly one usage event to the sink. Every attempt runs
 * through its (model, channel)'s circuit breaker and its outcome goes to the {@link ChannelHealth}
 * monitor, whose view of the model steers the round's choices.
 */
public final class RelayExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(RelayExecutor.class);

  private final AdaptorRegistry adaptors;
  private final UpstreamCaller upstream;
  private final UsageSink sink;
  private final int defaultRetries;
  private final RetryBackoff backoff;
  private final ChannelHealth health;

  public RelayExecutor(AdaptorRegistry adaptors, UpstreamCaller upstream, UsageSink sink, int defaultRetries,
                       RetryBackoff backoff, ChannelHealth health) {
    this.adaptors = adaptors;
    this.upstream = upstream;
    this.sink = sink;
    this.defaultRetries = defaultRetries;
    this.backoff = backoff;
    this.health = health;
  }

  public void execute(RelayContext ctx, Resolution resolution) {
    Future.succeededFuture()
        .compose(v -> first(ctx, new RetryRound(resolution.candidates(), backoff, health.view(ctx.request().model()))))
        .recover(err -> {
          LOG.error("Relay of request {} failed unexpectedly", ctx.request().requestId(), err);
          return Future.succeededFuture(RelayResult.failure(OpenAiErrors.internal()));
        })
        .onSuccess(result -> finish(ctx, result));
  }

  private Future<RelayResult> first(RelayContext ctx, RetryRound round) {
    return round.first()
        .map(channel -> attempt(ctx, round, channel, retries(ctx)))
        .orElseGet(() -> Future.succeededFuture(RelayResult.failure(OpenAiErrors.noChannel(ctx.request().model()))));
  }

  private Future<RelayResult> attempt(RelayContext ctx, RetryRound round, Channel channel, int retriesLeft) {
    round.tried(channel);
    ctx.useChannel(channel);
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    String model = ctx.request().model();
    ProviderAdaptor adaptor = adaptors.forChannel(channel).orElseThrow();
    return health.guard(model, channel, () -> upstream.call(ctx, adaptor)).compose(result -> {
      health.record(model, channel, result);
      ctx.recordAttempt(new Attempt(channel.id(), result.status(), startedAt,
          (System.nanoTime() - t0) / 1_000_000, result.errorMessage()));
      return afterAttempt(ctx, round, channel, retriesLeft, result);
    });
  }

  /**
   * The next attempt the retry loop allows, after its backoff pause; else {@code result} is final.
   * A client that left during the pause ends the loop as a 499: nothing more is tried for nobody.
   */
  private Future<RelayResult> afterAttempt(RelayContext ctx, RetryRound round, Channel channel, int retriesLeft,
                                           RelayResult result) {
    Downstream downstream = ctx.downstream();
    RetryPolicy.Next next = RetryPolicy.next(result, downstream.committed(), downstream.gone(), retriesLeft);
    Optional<RetryRound.Step> step = next == RetryPolicy.Next.DONE ? Optional.empty()
        : round.after(channel, result.status(), next, retriesLeft);
    if (step.isEmpty()) {
      return Future.succeededFuture(result);
    }
    RetryRound.Step following = step.get();
    return backoff.pause(following.delayMs(), downstream).compose(v -> downstream.gone()
        ? Future.succeededFuture(RelayResult.failure(OpenAiErrors.clientClosed()))
        : attempt(ctx, round, following.channel(), following.retriesLeft()));
  }

  private int retries(RelayContext ctx) {
    int configured = ctx.modelConfig() == null ? 0 : ctx.modelConfig().retryTimes();
    return configured > 0 ? configured : defaultRetries;
  }

  /**
   * Ends a request with its final result: settles it, answers the client with the error if nothing
   * was sent, and hands its one usage event to the sink. Also for requests answered without an
   * upstream (PDF parsing) or refused before their first attempt.
   */
  public void finish(RelayContext ctx, RelayResult result) {
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
