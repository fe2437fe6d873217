package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/** Relays a complete (non-stream) OpenAI JSON response: checks it, reads its usage in one streaming pass, sends it on unchanged. */
final class OpenAiResponse {

  private OpenAiResponse() {
  }

  static RelayResult relay(RelayContext ctx, int status, Buffer body, UsageCounter counter) {
    StringBuilder text = new StringBuilder();
    OpenAiFields json = body.length() == 0 ? null : OpenAiFields.read(body, text);
    if (json == null) {
      return RelayResult.failure(OpenAiErrors.badUpstreamResponse("the body is not a JSON object"));
    }
    Usage reported = json.usage() == null ? null : OpenAiUsage.parse(json.usage());
    Counted usage = counter.settle(ctx.request(), ctx.actualModel(), reported, text);
    ctx.downstream().end(status, "application/json", body);
    return RelayResult.success(status, usage.usage(), usage.estimated(), json.id());
  }
}
