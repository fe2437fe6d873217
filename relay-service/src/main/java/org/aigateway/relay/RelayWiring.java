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
import org.aigateway.relay.monitor.BanProber;
import org.aigateway.relay.monitor.ChannelHealth;
import org.aigateway.relay.monitor.MonitorConfig;
import org.aigateway.relay.outbox.UsageSink;
import org.aigateway.relay.quota.Admission;
import org.aigateway.relay.quota.Quotas;
import org.aigateway.relay.routing.ModelResolver;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.UpstreamCaller;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.relay.usage.UsageCounter;

/** Assembles adaptors, routing and handlers into the relay's routes. */
final class RelayWiring {

  private RelayWiring() {
  }

  static RelayRoutes routes(Vertx vertx, RelayConfig config, SnapshotStore store, HttpClient client,
                            UsageSink sink, TokenCounter tokens, Quotas quotas, ChannelHealth health,
                            MonitorConfig monitor) {
    AdaptorRegistry adaptors = adaptors(new UsageCounter(tokens));
    ModelResolver resolver = new ModelResolver(store, adaptors, config.disableModelConfig());
    UpstreamCaller upstream = new UpstreamCaller(vertx, client, config.timeoutMs(), config.firstByteTimeoutMs());
    RelayExecutor executor = new RelayExecutor(adaptors, upstream, sink, config.retryTimes(), health);
    health.startProbing(new BanProber(store, adaptors, client, monitor));
    TokenAuthHandler auth = new TokenAuthHandler(new TokenResolver(store),
        new InternalKeys(config.adminKey(), config.internalToken()));
    Admission admission = quotas.admission(store, tokens);
    return new RelayRoutes(auth,
        new RelayHandler(Mode.CHAT_COMPLETIONS, "/chat/completions", resolver, admission, executor),
        new RelayHandler(Mode.COMPLETIONS, "/completions", resolver, admission, executor),
        new RelayHandler(Mode.EMBEDDINGS, "/embeddings", resolver, admission, executor),
        new ModelsHandler(resolver),
        new ProtocolRoutes(new ProtocolRoutes.Handlers(
            new RelayHandler(Mode.ANTHROPIC, "/messages", resolver, admission, executor),
            new RelayHandler(Mode.GEMINI, "", resolver, admission, executor),
            new RelayHandler(Mode.EMBEDDINGS, "/embeddings", resolver, admission, executor),
            new RelayHandler(Mode.RERANK, "/rerank", resolver, admission, executor),
            new RelayHandler(Mode.MODERATIONS, "/moderations", resolver, admission, executor),
            new RelayHandler(Mode.IMAGES_GENERATIONS, "/images/generations", resolver, admission, executor))),
        quotas,
        RelayConfig.BODY_LIMIT);
  }

  static AdaptorRegistry adaptors(UsageCounter counter) {
    return Adaptors.registry(counter);
  }
}
