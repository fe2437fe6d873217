package org.aigateway.relay.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.quota.Admission;
import org.aigateway.relay.quota.Admitted;
import org.aigateway.relay.routing.ChannelPinning;
import org.aigateway.relay.routing.ModelResolver;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.Resolution;
import org.aigateway.relay.usage.PromptEstimator;
import org.aigateway.relay.usage.PromptTokens;

/**
 * One relayed endpoint ({@code /v1/chat/completions}, {@code /v1/responses}, {@code /v1/messages}, ...):
 * parse, resolve the model for the caller, pin it to a channel when it refers to a stored object,
 * admit the request (quotas, balance, rate limits), then run the relay, which settles the admission
 * when the request ends.
 */
public final class RelayHandler {

  /**
   * Runs an admitted request to its end: the relay's executor, or a step before it, or a route that
   * answers by itself. Must end with {@link RelayExecutor#finish} (the executor does), which settles
   * the admission and emits the usage event.
   */
  @FunctionalInterface
  public interface Runner {
    void run(RelayContext ctx, Resolution resolution);
  }

  private final Mode mode;
  private final String upstreamPath;
  private final ModelResolver resolver;
  private final Admission admission;
  private final Runner runner;
  private final PromptEstimator prompts;
  private final ChannelPinning pinning;

  public RelayHandler(Mode mode, String upstreamPath, ModelResolver resolver, Admission admission, Runner runner,
                      PromptEstimator prompts) {
    this(mode, upstreamPath, resolver, admission, runner, prompts, ChannelPinning.NONE);
  }

  /** A handler whose requests may be pinned to the channel that created an object they refer to. */
  public RelayHandler(Mode mode, String upstreamPath, ModelResolver resolver, Admission admission, Runner runner,
                      PromptEstimator prompts, ChannelPinning pinning) {
    this.mode = mode;
    this.upstreamPath = upstreamPath;
    this.resolver = resolver;
    this.admission = admission;
    this.runner = runner;
    this.prompts = prompts;
    this.pinning = pinning;
  }

  public void relay(RoutingContext rc) {
    RelayRequest request;
    Caller caller;
    Resolution resolution;
    try {
      request = RequestParser.parse(rc, mode, upstreamPath);
      caller = rc.get(Caller.KEY);
      resolution = resolver.resolve(caller, request.model(), mode);
    } catch (RelayException e) {
      rc.fail(e);
      return;
    }
    PromptTokens promptTokens = new PromptTokens(prompts, request);
    Future<Resolution> pinned = pinning.pin(caller, request, resolution);
    pinned.compose(p -> admission.admit(caller, request, promptTokens, p.modelConfig(), rc.response().headers()))
        .onSuccess(admitted -> run(rc, request, caller, pinned.result(), admitted, promptTokens))
        .onFailure(rc::fail);
  }

  private void run(RoutingContext rc, RelayRequest request, Caller caller, Resolution resolution, Admitted admitted,
                   PromptTokens promptTokens) {
    RelayContext ctx;
    try {
      ctx = new RelayContext(request, caller, admitted.modelConfig(), new Downstream(rc.response(), request.startNanos()),
          promptTokens);
    } catch (RuntimeException e) {
      admitted.release();
      rc.fail(e);
      return;
    }
    ctx.onFinish(admitted::settle);
    pinning.watch(ctx);
    runner.run(ctx, resolution);
  }
}
