package org.aigateway.relay;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.Adaptors;
import org.aigateway.relay.auth.InternalKeys;
import org.aigateway.relay.auth.TokenAuthHandler;
import org.aigateway.relay.auth.TokenResolver;
import org.aigateway.relay.http.MediaRoutes;
import org.aigateway.relay.http.ModelsHandler;
import org.aigateway.relay.http.ProtocolRoutes;
import org.aigateway.relay.http.RelayHandler;
import org.aigateway.relay.http.RelayRoutes;
import org.aigateway.relay.http.ResponseFollowUpHandler;
import org.aigateway.relay.monitor.BanProber;
import org.aigateway.relay.monitor.ChannelHealth;
import org.aigateway.relay.monitor.MonitorConfig;
import org.aigateway.relay.outbox.UsageSink;
import org.aigateway.relay.pdf.PdfAsTextRunner;
import org.aigateway.relay.pdf.PdfParseRunner;
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
                            UsageSink sink, TokenCounter tokens, Quotas quotas, ResponseStore responses,
                            ChannelHealth health, MonitorConfig monitor) {
    AdaptorRegistry adaptors = adaptors(new UsageCounter(tokens));
    ModelResolver resolver = new ModelResolver(store, adaptors, config.disableModelConfig());
    TimeoutPolicy timeouts = new TimeoutPolicy(config.timeoutByModeMs(), config.streamIdleTimeoutMs(), config.timeoutMs());
    UpstreamCaller upstream = new UpstreamCaller(vertx, client, timeouts);
    RelayExecutor executor = new RelayExecutor(adaptors, upstream, sink, config.retryTimes(),
        new RetryBackoff(vertx, config.retryBackoffMs()), health);
    health.start(new BanProber(store, adaptors, client, monitor));
    PromptEstimator prompts = new PromptEstimator(tokens);
    TokenAuthHandler auth = new TokenAuthHandler(new TokenResolver(store),
        new InternalKeys(config.adminKey(), config.internalToken()));
    Admission admission = quotas.admission(store);
    ResponsePinning pinning = new ResponsePinning(responses);
    Handlers handlers = new Handlers(resolver, admission, executor, prompts);
    return new RelayRoutes(auth,
        handlers.of(Mode.CHAT_COMPLETIONS, "/chat/completions", new PdfAsTextRunner(vertx, adaptors, config.pdf(), executor)),
        handlers.of(Mode.COMPLETIONS, "/completions"),
        handlers.of(Mode.EMBEDDINGS, "/embeddings"),
        new ModelsHandler(resolver),
        new ProtocolRoutes(new ProtocolRoutes.Handlers(
            handlers.of(Mode.ANTHROPIC, "/messages"),
            handlers.of(Mode.GEMINI, ""),
            handlers.of(Mode.EMBEDDINGS, "/embeddings"),
            handlers.of(Mode.RERANK, "/rerank"),
            handlers.of(Mode.MODERATIONS, "/moderations"),
            handlers.of(Mode.IMAGES_GENERATIONS, "/images/generations"),
            new RelayHandler(Mode.RESPONSES, "/responses", resolver, admission, executor::execute, prompts, pinning),
            new ResponseFollowUpHandler(vertx, client, config.timeoutMs(), config.streamIdleTimeoutMs(),
                store, adaptors, pinning, sink))),
        new MediaRoutes(new MediaRoutes.Handlers(
            handlers.of(Mode.IMAGES_EDITS, "/images/edits"),
            handlers.of(Mode.AUDIO_SPEECH, "/audio/speech"),
            handlers.of(Mode.AUDIO_TRANSCRIPTION, "/audio/transcriptions"),
            handlers.of(Mode.AUDIO_TRANSLATION, "/audio/translations"),
            handlers.of(Mode.PARSE_PDF, "", new PdfParseRunner(vertx, config.pdf(), executor)))),
        quotas,
        RelayConfig.BODY_LIMIT,
        config.multipartLimit());
  }

  static AdaptorRegistry adaptors(UsageCounter counter) {
    return Adaptors.registry(counter);
  }

  /** The handlers of the plain relayed routes: they differ only in mode, upstream path and, rarely, runner. */
  private record Handlers(ModelResolver resolver, Admission admission, RelayExecutor executor, PromptEstimator prompts) {

    RelayHandler of(Mode mode, String upstreamPath) {
      return of(mode, upstreamPath, executor::execute);
    }

    RelayHandler of(Mode mode, String upstreamPath, RelayHandler.Runner runner) {
      return new RelayHandler(mode, upstreamPath, resolver, admission, runner, prompts);
    }
  }
}
