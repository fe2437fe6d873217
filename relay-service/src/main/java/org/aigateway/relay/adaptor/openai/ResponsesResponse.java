package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/**
 * Relays a complete Responses API answer unchanged: reads its id (reported as created before the
 * client sees it, so a follow-up can find its channel) and its usage. A background response answered
 * before it ran has no usage yet: its billing is deferred to the follow-up that sees it finished.
 */
final class ResponsesResponse {

  private ResponsesResponse() {
  }

  static RelayResult relay(RelayContext ctx, int status, Buffer body, UsageCounter counter) {
    JsonObject response = Jsons.parseObject(body.toString());
    if (response == null) {
      return RelayResult.failure(OpenAiErrors.badUpstreamResponse("the body is not a JSON object"));
    }
    String id = Jsons.string(response, "id");
    Usage reported = ResponsesUsage.of(response);
    if (reported == null && Boolean.TRUE.equals(ctx.request().body().getValue("background"))) {
      ctx.deferUsage();
      ctx.created(id);
      ctx.downstream().end(status, "application/json", body);
      return RelayResult.success(status, Usage.ZERO, false, id);
    }
    ctx.created(id);
    Counted usage = counter.settle(ctx.request(), ctx.actualModel(), reported, ResponsesUsage.text(response));
    ctx.downstream().end(status, "application/json", body);
    return RelayResult.success(status, usage.usage(), usage.estimated(), id);
  }
}
