package org.aigateway.relay.auth;

import io.vertx.ext.web.RoutingContext;
import org.aigateway.relay.error.OpenAiErrors;

/** Authenticates every OpenAI route and stores the {@link Caller} in the routing context. */
public final class TokenAuthHandler {

  private final TokenResolver resolver;
  private final InternalKeys internalKeys;

  public TokenAuthHandler(TokenResolver resolver, InternalKeys internalKeys) {
    this.resolver = resolver;
    this.internalKeys = internalKeys;
  }

  public void handle(RoutingContext ctx) {
    String key = ApiKeys.extract(ctx.request());
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
