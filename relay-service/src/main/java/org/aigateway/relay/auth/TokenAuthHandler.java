package org.aigateway.relay.auth;

import io.vertx.ext.web.RoutingContext;
import org.aigateway.relay.error.ClientProtocol;
import org.aigateway.relay.error.OpenAiErrors;

/**
 * Authenticates every relay route and stores the {@link Caller} in the routing context. Gemini routes
 * also take the key from {@code x-goog-api-key} or {@code ?key=}.
 */
public final class TokenAuthHandler {

  private final TokenResolver resolver;
  private final InternalKeys internalKeys;

  public TokenAuthHandler(TokenResolver resolver, InternalKeys internalKeys) {
    this.resolver = resolver;
    this.internalKeys = internalKeys;
  }

  public void handle(RoutingContext ctx) {
    boolean gemini = ClientProtocol.of(ctx.request().method(), ctx.request().path()) == ClientProtocol.GEMINI;
    String key = gemini ? ApiKeys.extractGemini(ctx.request()) : ApiKeys.extract(ctx.request());
    if (key.isEmpty()) {
      ctx.fail(OpenAiErrors.missingKey());
      return;
    }
    if (internalKeys.matches(key)) {
      proceed(ctx, Caller.internalCaller());
      return;
    }
    resolver.resolve(key)
        .onSuccess(caller -> proceed(ctx, caller))
        .onFailure(ctx::fail);
  }

  private static void proceed(RoutingContext ctx, Caller caller) {
    ctx.put(Caller.KEY, caller);
    ctx.next();
  }
}
