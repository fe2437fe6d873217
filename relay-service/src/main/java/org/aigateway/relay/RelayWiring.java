package org.aigateway.relay;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.Adaptors;
import org.aigateway.relay.auth.InternalKeys;
import org.aigateway.relay.auth.TokenAuthHandler;
import org.aigateway.relay.auth.TokenResolver;
import org.aigateway.relay.http.ModelsHandler;
import org.aigateway.relay.http.ProtocolRoutes;
import org.aigateway.relay.http.RelayHandler;
import org.aigateway.relay.http.RelayRoutes;
import org.aigateway.relay.http.ResponseFollowUpHandler;
import org.aigateway.relay.outbox.UsageSink;
import org.aigateway.relay.quota.Admission;
import org.aigateway.relay.quota.Quotas;
import org.aigateway.relay.responses.ResponsePinning;
import org.aigateway.relay.responses.ResponseStore;
import org.aigateway.relay.routing.ModelResolver;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.RetryBackoff;
import org.aigateway.relay.routing.TimeoutPolicy;
import org.aigateway.relay.routing.UpstreamCaller;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.PromptEstimator;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.relay.usage.UsageCounter;

/** Assembles adaptors, routing and handlers into the relay's routes. */
final class RelayWiring {

  private RelayWiring() {
  }

  static RelayRoutes routes(Vertx vertx, RelayConfig config, SnapshotStore store, HttpClient client,
                            UsageSink sink, TokenCounter tokens, Quotas quotas, ResponseStore responses) {
    AdaptorRegistry adaptors = adaptors(new UsageCounter(tokens));
    ModelResolver resolver = new ModelResolver(store, adaptors, config.disableModelConfig());
    TimeoutPolicy timeouts = new TimeoutPolicy(config.timeoutByModeMs(), config.streamIdleTimeoutMs(), config.timeoutMs());
    UpstreamCaller upstream = new UpstreamCaller(vertx, client, timeouts);
    RelayExecutor executor = new RelayExecutor(adaptors, upstream, sink, config.retryTimes(),
        new RetryBackoff(vertx, config.retryBackoffMs()));
    PromptEstimator prompts = new PromptEstimator(tokens);
    TokenAuthHandler auth = new TokenAuthHandler(new TokenResolver(store),
        new InternalKeys(config.adminKey(), config.internalToken()));
    Admission admission = quotas.admission(store);
    ResponsePinning pinning = new ResponsePinning(responses);
    return new RelayRoutes(auth,
        new RelayHandler(Mode.CHAT_COMPLETIONS, "/chat/completions", resolver, admission, executor, prompts),
        new RelayHandler(Mode.COMPLETIONS, "/completions", resolver, admission, executor, prompts),
        new RelayHandler(Mode.EMBEDDINGS, "/embeddings", resolver, admission, executor, prompts),
        new ModelsHandler(resolver),
        new ProtocolRoutes(new ProtocolRoutes.Handlers(
            new RelayHandler(Mode.ANTHROPIC, "/messages", resolver, admission, executor, prompts),
            new RelayHandler(Mode.GEMINI, "", resolver, admission, executor, prompts),
            new RelayHandler(Mode.EMBEDDINGS, "/embeddings", resolver, admission, executor, prompts),
            new RelayHandler(Mode.RERANK, "/rerank", resolver, admission, executor, prompts),
            new RelayHandler(Mode.MODERATIONS, "/moderations", resolver, admission, executor, prompts),
            new RelayHandler(Mode.IMAGES_GENERATIONS, "/images/generations", resolver, admission, executor, prompts),
            new RelayHandler(Mode.RESPONSES, "/responses", resolver, admission, executor, prompts, pinning),
            new ResponseFollowUpHandler(vertx, client, config.timeoutMs(), store, adaptors, pinning, sink))),
        quotas,
        RelayConfig.BODY_LIMIT);
  }

  static AdaptorRegistry adaptors(UsageCounter counter) {
    return Adaptors.registry(counter);
  }
}
