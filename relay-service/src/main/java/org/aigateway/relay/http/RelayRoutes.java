package org.aigateway.relay.http;

import io.vertx.ext.web.Router;
import org.aigateway.relay.auth.TokenAuthHandler;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayFailureHandler;
import org.aigateway.relay.quota.Quotas;

/** Registers the relay routes under {@code /v1} (and Gemini's {@code /v1beta}). */
public final class RelayRoutes {

  /** Everything under {@code /v1/} and Gemini's {@code /v1beta/}. */
  private static final String RELAY_PATHS = "/v1(beta)?/.*";

  private final TokenAuthHandler auth;
  private final RelayHandler chat;
  private final RelayHandler completions;
  private final RelayHandler embeddings;
  private final ModelsHandler models;
  private final ProtocolRoutes protocols;
  private final MediaRoutes media;
  private final Quotas quotas;
  private final long bodyLimit;
  private final long multipartLimit;

  public RelayRoutes(TokenAuthHandler auth, RelayHandler chat, RelayHandler completions, RelayHandler embeddings,
                     ModelsHandler models, ProtocolRoutes protocols, MediaRoutes media, Quotas quotas,
                     long bodyLimit, long multipartLimit) {
    this.auth = auth;
    this.protocols = protocols;
    this.media = media;
    this.quotas = quotas;
    this.chat = chat;
    this.completions = completions;
    this.embeddings = embeddings;
    this.models = models;
    this.bodyLimit = bodyLimit;
    this.multipartLimit = multipartLimit;
  }

  public void mount(Router router) {
    router.routeWithRegex(RELAY_PATHS).handler(RequestIds.assigner(quotas.clock()));
    router.routeWithRegex(RELAY_PATHS).handler(new RequestBodies(bodyLimit, multipartLimit));
    router.routeWithRegex(RELAY_PATHS).handler(auth::handle);
    quotas.mount(router);
    router.post("/v1/chat/completions").handler(chat::relay);
    router.post("/v1/completions").handler(completions::relay);
    router.post("/v1/embeddings").handler(embeddings::relay);
    router.get("/v1/models").handler(models::list);
    router.get("/v1/models/*").handler(models::get);
    protocols.mount(router);
    media.mount(router);
    router.routeWithRegex(RELAY_PATHS).handler(ctx -> ctx.fail(OpenAiErrors.unknownRoute(
        ctx.request().method().name(), ctx.request().path())));
    router.routeWithRegex(RELAY_PATHS).failureHandler(new RelayFailureHandler(bodyLimit)::handle);
  }
}
