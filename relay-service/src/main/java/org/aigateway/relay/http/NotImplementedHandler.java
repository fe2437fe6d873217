package org.aigateway.relay.http;

import io.vertx.ext.web.RoutingContext;
import org.aigateway.relay.error.OpenAiErrors;

/**
 * The OpenAI routes the gateway knows but does not serve, as the original: files, fine-tuning jobs,
 * assistants, threads, image variations and model deletion answer 501 {@code api_not_implemented}.
 */
public final class NotImplementedHandler {

  public void handle(RoutingContext ctx) {
    ctx.fail(OpenAiErrors.notImplemented(ctx.request().method().name(), ctx.request().path()));
  }
}
