package org.aigateway.admin.log;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aigateway.admin.group.GroupDraft;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Envelope;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.LogPage;
import org.aigateway.protocol.command.LogQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/logs/} and {@code /api/log/:group}: log-service owns the logs, so the query goes to
 * it over the event bus. When it does not answer the call is a 503.
 */
public final class LogHandler {

  private static final Logger LOG = LoggerFactory.getLogger(LogHandler.class);
  private static final long TIMEOUT_MS = 5_000;

  private final EventBus bus;

  public LogHandler(EventBus bus) {
    this.bus = bus;
  }

  public void mount(Router api) {
    api.get("/logs").handler(this::all);
    api.get("/log/:group").handler(this::group);
  }

  void all(RoutingContext ctx) {
    search(ctx, LogQueryParser.parse(ctx.queryParams(), null, System.currentTimeMillis()));
  }

  void group(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    search(ctx, LogQueryParser.parse(ctx.queryParams(), group, System.currentTimeMillis()));
  }

  private void search(RoutingContext ctx, LogQuery query) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT_MS);
    bus.<JsonObject>request(Addresses.LOG_QUERY, query.toJson(), options)
        .map(reply -> LogPage.fromJson(reply.body()))
        .recover(LogHandler::explain)
        .onSuccess(page -> Envelope.ok(ctx, new JsonObject().put("logs", page.logs()).put("total", page.total())))
        .onFailure(ctx::fail);
  }

  private static Future<LogPage> explain(Throwable err) {
    if (err instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == ErrorCode.BAD_REQUEST.code()) {
      return Future.failedFuture(ApiException.badRequest(reply.getMessage()));
    }
    LOG.warn("log-service did not answer a log query: {}", err.getMessage());
    return Future.failedFuture(ApiException.unavailable("log-service is unavailable: " + err.getMessage()));
  }
}
