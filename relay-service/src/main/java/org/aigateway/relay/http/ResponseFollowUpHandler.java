package org.aigateway.relay.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.Deadlines;
import org.aigateway.relay.adaptor.Downstream;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.ClientProtocol;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.outbox.UsageSink;
import org.aigateway.relay.responses.ResponseErrors;
import org.aigateway.relay.responses.ResponsePinning;
import org.aigateway.relay.responses.StoredResponse;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.UsageEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up calls on a stored response ({@code GET}/{@code DELETE /v1/responses/{id}},
 * {@code POST .../cancel}, {@code GET .../input_items}): sent to the channel that created the
 * response, only for the group that created it (any other caller, like an unknown id, gets a 404),
 * and relayed as the upstream answers: whole, or event by event when the upstream streams (a
 * response retrieved with {@code stream=true}). They produce no tokens: each is logged with its own
 * mode and zero usage, and costs nothing; no quota or rate limit applies. The exception is a
 * background response, whose creation answered before it ran and billed nothing: the first
 * {@code GET} whose answer (whole or streamed) shows it finished with a usage bills that usage, at the
 * price stored at its creation, once across all replicas ({@link ResponsePinning#claimBilling}).
 */
public final class ResponseFollowUpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseFollowUpHandler.class);
  private static final long FIRST_BYTE_MS = 30_000;

  private final Vertx vertx;
  private final HttpClient client;
  private final long timeoutMs;
  private final long idleMs;
  private final SnapshotStore snapshots;
  private final AdaptorRegistry adaptors;
  private final ResponsePinning pinning;
  private final UsageSink sink;

  /**
   * @param timeoutMs the ceiling of every call ({@code RELAY_TIMEOUT_SECONDS})
   * @param idleMs    the longest silence of a streamed answer once it began ({@code STREAM_IDLE_TIMEOUT_SECONDS})
   */
  public ResponseFollowUpHandler(Vertx vertx, HttpClient client, long timeoutMs, long idleMs, SnapshotStore snapshots,
                                 AdaptorRegistry adaptors, ResponsePinning pinning, UsageSink sink) {
    this.vertx = vertx;
    this.client = client;
    this.timeoutMs = timeoutMs;
    this.idleMs = idleMs;
    this.snapshots = snapshots;
    this.adaptors = adaptors;
    this.pinning = pinning;
    this.sink = sink;
  }

  public void get(RoutingContext rc) {
    relay(rc, Mode.RESPONSES_GET, HttpMethod.GET, "");
  }

  public void delete(RoutingContext rc) {
    relay(rc, Mode.RESPONSES_DELETE, HttpMethod.DELETE, "");
  }

  public void cancel(RoutingContext rc) {
    relay(rc, Mode.RESPONSES_CANCEL, HttpMethod.POST, "/cancel");
  }

  public void inputItems(RoutingContext rc) {
    relay(rc, Mode.RESPONSES_INPUT_ITEMS, HttpMethod.GET, "/input_items");
  }

  private void relay(RoutingContext rc, Mode mode, HttpMethod method, String suffix) {
    Caller caller = rc.get(Caller.KEY);
    String id = rc.pathParam("id");
    pinning.find(caller, id)
        .compose(stored -> context(rc, caller, mode, id, suffix, stored)
            .onSuccess(ctx -> call(ctx, id, stored, method, rc.request().query())))
        .onFailure(rc::fail);
  }

  private Future<RelayContext> context(RoutingContext rc, Caller caller, Mode mode, String id, String suffix,
                                       StoredResponse stored) {
    if (stored == null) {
      return Future.failedFuture(ResponseErrors.notFound(id));
    }
    Channel channel = snapshots.current().enabledChannels(stored.model()).stream()
        .filter(c -> c.id() == stored.channelId() && caller.canUse(c) && adaptors.canServe(c, Mode.RESPONSES))
        .findFirst().orElse(null);
    if (channel == null) {
      return Future.failedFuture(ResponseErrors.channelGone(id, stored.channelId()));
    }
    RelayRequest request = new RelayRequest(rc.get(RequestIds.ID), rc.get(RequestIds.AT), rc.get(RequestIds.START),
        rc.request().path(), "/responses/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + suffix, mode,
        stored.model(), new JsonObject(), Buffer.buffer(), false, false, RequestParser.clientIp(rc));
    // No model configuration: the call is free whatever the model's price. No prompt count either:
    // follow-ups skip admission and the timeout policy, its only readers.
    RelayContext ctx = new RelayContext(request, caller, null, new Downstream(rc.response(), request.startNanos()),
        null);
    ctx.useChannel(channel);
    return Future.succeededFuture(ctx);
  }

  private void call(RelayContext ctx, String id, StoredResponse stored, HttpMethod method, String query) {
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    boolean billable = stored.backgroundPrice() != null && ctx.request().mode() == Mode.RESPONSES_GET;
    send(ctx, method, query, billable).onSuccess(result -> {
      ctx.recordAttempt(new Attempt(ctx.channel().id(), result.status(), startedAt,
          (System.nanoTime() - t0) / 1_000_000, result.errorMessage()));
      finish(ctx, id, stored, result);
    });
  }

  /**
   * The upstream call; always succeeds with a result, like {@link org.aigateway.relay.routing.UpstreamCaller}'s.
   *
   * @param readUsage whether the result carries the final usage the answer shows (else it is zero)
   */
  private Future<RelayResult> send(RelayContext ctx, HttpMethod method, String query, boolean readUsage) {
    RequestOptions options;
    try {
      options = options(ctx, method, query);
    } catch (RuntimeException e) {
      return Future.succeededFuture(RelayResult.failure(OpenAiErrors.misconfigured(ctx.channel(), e)));
    }
    UpstreamExchange exchange = new UpstreamExchange(vertx);
    ctx.downstream().onGone(() -> exchange.abort(OpenAiErrors.clientClosed()));
    // The original gives these calls 30 s to answer; a streamed answer then has the idle deadline of streams.
    exchange.start(new Deadlines(Math.min(FIRST_BYTE_MS, timeoutMs), idleMs, timeoutMs),
        ctx.downstream()::backPressured);
    return exchange.attach(client.request(options))
        .compose(request -> request.send())
        .compose(response -> FollowUpAnswers.relay(ctx.downstream(), exchange, response, readUsage))
        .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))))
        .onComplete(done -> exchange.finish());
  }

  /** @throws RuntimeException when the channel's key or URL cannot make a request (a header with a line break) */
  private RequestOptions options(RelayContext ctx, HttpMethod method, String query) {
    ProviderAdaptor adaptor = adaptors.forChannel(ctx.channel()).orElseThrow();
    MultiMap headers = HttpHeaders.headers();
    adaptor.prepareHeaders(ctx, headers);
    String url = adaptor.requestUrl(ctx);
    if (query != null && !query.isEmpty()) {
      url += (url.indexOf('?') < 0 ? "?" : "&") + query;
    }
    return new RequestOptions().setMethod(method).setAbsoluteURI(url).setHeaders(headers);
  }

  private void finish(RelayContext ctx, String id, StoredResponse stored, RelayResult result) {
    Downstream downstream = ctx.downstream();
    if (result.failed() && !downstream.committed()) {
      downstream.end(result.status(), "application/json",
          ClientProtocol.of(ctx.request().mode()).body(result.error()).toBuffer());
    }
    if (!result.failed() && ctx.request().mode() == Mode.RESPONSES_DELETE) {
      pinning.forget(id);
    }
    if (result.failed() || result.usage().equals(Usage.ZERO)) {
      submit(UsageEvents.completed(ctx, result));
      return;
    }
    // Only a background response's follow-up reads a usage: the first to claim it bills it, the others log zero.
    pinning.claimBilling(id).onSuccess(claimed -> submit(claimed
        ? UsageEvents.deferred(ctx, result, stored.backgroundPrice(), stored.createdAt())
        : UsageEvents.completed(ctx, new RelayResult(result.status(), Usage.ZERO, false, null, false, null))));
  }

  private void submit(RelayCompleted event) {
    try {
      sink.submit(event);
    } catch (RuntimeException e) {
      LOG.error("Could not hand the usage event of request {} to the outbox", event.requestId(), e);
    }
  }
}
