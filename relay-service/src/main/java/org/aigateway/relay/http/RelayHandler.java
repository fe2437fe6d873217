package org.aigateway.relay.http;

import io.vertx.ext.web.RoutingContext;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.routing.ModelResolver;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.Resolution;

/**
 * One relayed OpenAI endpoint ({@code /v1/chat/completions}, {@code /v1/completions},
 * {@code /v1/embeddings}): parse, resolve the model for the caller, then run the relay.
 */
public final class RelayHandler {

  private final Mode mode;
  private final String upstreamPath;
  private final ModelResolver resolver;
  private final RelayExecutor executor;

  public RelayHandler(Mode mode, String upstreamPath, ModelResolver resolver, RelayExecutor executor) {
    this.mode = mode;
    this.upstreamPath = upstreamPath;
    this.resolver = resolver;
    this.executor = executor;
  }

  public void relay(RoutingContext rc) {
    try {
      RelayRequest request = RequestParser.parse(rc, mode, upstreamPath);
      Caller caller = rc.get(Caller.KEY);
      Resolution resolution = resolver.resolve(caller, request.model(), mode);
      Downstream downstream = new Downstream(rc.response(), request.startNanos());
      executor.execute(new RelayContext(request, caller, resolution.modelConfig(), downstream), resolution);
    } catch (RelayException e) {
      rc.fail(e);
    }
  }
}
