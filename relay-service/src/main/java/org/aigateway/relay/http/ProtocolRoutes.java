package org.aigateway.relay.http;

import io.vertx.ext.web.Router;

/**
 * The relay routes beyond OpenAI's core three: Anthropic's {@code POST /v1/messages}, Gemini's
 * {@code POST /v1beta/models/{model}:(stream)generateContent} (also under {@code /v1/models/}),
 * {@code /v1/engines/{model}/embeddings}, the JSON endpoints rerank, moderations and image
 * generations, OpenAI's Responses API ({@code /v1/responses} and the calls on a stored response),
 * and the 501 answers of the OpenAI routes that are not served.
 */
public final class ProtocolRoutes {

  /** Handlers of one relayed route each. */
  public record Handlers(RelayHandler messages, RelayHandler gemini, RelayHandler engineEmbeddings,
                         RelayHandler rerank, RelayHandler moderations, RelayHandler imageGenerations,
                         RelayHandler responses, ResponseFollowUpHandler responseFollowUps) {
  }

  private static final String[] NOT_IMPLEMENTED = {"/v1/files*", "/v1/fine_tuning/jobs*", "/v1/assistants*",
      "/v1/threads*", "/v1/images/variations"};

  private final Handlers handlers;
  private final NotImplementedHandler notImplemented = new NotImplementedHandler();

  public ProtocolRoutes(Handlers handlers) {
    this.handlers = handlers;
  }

  /** Registers the routes; call after authentication and before the catch-all of unknown routes. */
  public void mount(Router router) {
    router.post("/v1/messages").handler(handlers.messages()::relay);
    router.post("/v1beta/models/*").handler(handlers.gemini()::relay);
    router.post("/v1/models/*").handler(handlers.gemini()::relay);
    router.post("/v1/engines/:model/embeddings").handler(handlers.engineEmbeddings()::relay);
    router.post("/v1/rerank").handler(handlers.rerank()::relay);
    router.post("/v1/moderations").handler(handlers.moderations()::relay);
    router.post("/v1/images/generations").handler(handlers.imageGenerations()::relay);
    router.post("/v1/responses").handler(handlers.responses()::relay);
    router.get("/v1/responses/:id").handler(handlers.responseFollowUps()::get);
    router.delete("/v1/responses/:id").handler(handlers.responseFollowUps()::delete);
    router.post("/v1/responses/:id/cancel").handler(handlers.responseFollowUps()::cancel);
    router.get("/v1/responses/:id/input_items").handler(handlers.responseFollowUps()::inputItems);
    for (String path : NOT_IMPLEMENTED) {
      router.route(path).handler(notImplemented::handle);
    }
    router.delete("/v1/models/*").handler(notImplemented::handle);
  }
}
