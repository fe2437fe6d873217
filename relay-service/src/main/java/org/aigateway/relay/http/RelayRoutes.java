package org.aigateway.relay.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.aigateway.relay.auth.TokenAuthHandler;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayFailureHandler;

/** Registers the OpenAI-compatible routes under {@code /v1}. */
public final class RelayRoutes {

  private final TokenAuthHandler auth;
  private final RelayHandler chat;
  private final RelayHandler completions;
  private final RelayHandler embeddings;
  private final ModelsHandler models;
  private final long bodyLimit;

  public RelayRoutes(TokenAuthHandler auth, RelayHandler chat, RelayHandler completions, RelayHandler embeddings,
                     ModelsHandler models, long bodyLimit) {
    this.auth = auth;
    this.chat = chat;
    this.completions = completions;
    this.embeddings = embeddings;
    this.models = models;
    this.bodyLimit = bodyLimit;
  }

  public void mount(Router router) {
    router.route("/v1/*").handler(RequestIds::assign);
    router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    router.route("/v1/*").handler(auth::handle);
    router.post("/v1/chat/completions").handler(chat::relay);
    router.post("/v1/completions").handler(completions::relay);
    router.post("/v1/embeddings").handler(embeddings::relay);
    router.get("/v1/models").handler(models::list);
    router.get("/v1/models/*").handler(models::get);
    router.route("/v1/*").handler(ctx -> ctx.fail(OpenAiErrors.unknownRoute(ctx.request().method().name(),
        ctx.request().path())));
    router.route("/v1/*").failureHandler(new RelayFailureHandler(bodyLimit)::handle);
  }
}
