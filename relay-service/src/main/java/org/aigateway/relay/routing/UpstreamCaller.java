package org.aigateway.relay.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.error.OpenAiErrors;

/**
 * Makes one upstream attempt through an adaptor under the request's {@link TimeoutPolicy} deadlines,
 * cancelled when the client leaves. Always succeeds with a {@link RelayResult}.
 */
public final class UpstreamCaller {

  /** Bounds the URL cache; channels are few, so it only fills when base URLs keep changing. */
  private static final int MAX_TARGETS = 1024;

  private final Vertx vertx;
  private final HttpClient client;
  private final Map<String, RequestOptions> targets = new ConcurrentHashMap<>();
  private final TimeoutPolicy timeouts;

  public UpstreamCaller(Vertx vertx, HttpClient client, TimeoutPolicy timeouts) {
    this.vertx = vertx;
    this.client = client;
    this.timeouts = timeouts;
  }

  public Future<RelayResult> call(RelayContext ctx, ProviderAdaptor adaptor) {
    RequestOptions options;
    Buffer body;
    try {
      MultiMap headers = HttpHeaders.headers();
      adaptor.prepareHeaders(ctx, headers);
      options = new RequestOptions(target(adaptor.requestUrl(ctx))).setHeaders(headers);
      body = adaptor.convertRequest(ctx);
    } catch (RuntimeException e) {
      return Future.succeededFuture(RelayResult.failure(OpenAiErrors.misconfigured(ctx.channel(), e)));
    }
    UpstreamExchange exchange = new UpstreamExchange(vertx);
    ctx.downstream().onGone(() -> exchange.abort(OpenAiErrors.clientClosed()));
    exchange.start(timeouts.deadlines(ctx.request(), ctx.modelConfig(), ctx::promptTokensExceed),
        ctx.downstream()::backPressured);
    return exchange.attach(client.request(options))
        .compose(request -> request.send(body))
        .compose(response -> {
          if (!ctx.request().stream()) {
            exchange.firstByte();
          }
          return adaptor.handleResponse(ctx, exchange, response);
        })
        .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))))
        .onComplete(done -> exchange.finish());
  }

  /** The parsed request options of an upstream URL, parsed once per URL rather than per request. */
  private RequestOptions target(String url) {
    RequestOptions target = targets.get(url);
    if (target == null) {
      target = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url);
      if (targets.size() >= MAX_TARGETS) {
        targets.clear();
      }
      targets.put(url, target);
    }
    return target;
  }
}
