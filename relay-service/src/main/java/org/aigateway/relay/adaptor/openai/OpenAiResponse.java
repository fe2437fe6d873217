package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.usage.Texts;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/** Relays a complete (non-stream) OpenAI JSON response: checks it, reads its usage, sends it on unchanged. */
final class OpenAiResponse {

  private OpenAiResponse() {
  }

  static RelayResult relay(RelayContext ctx, int status, Buffer body, UsageCounter counter) {
    JsonObject json = parse(body);
    if (json == null) {
      return RelayResult.failure(OpenAiErrors.badUpstreamResponse("the body is not a JSON object"));
    }
    Counted usage = counter.settle(ctx.request(), ctx.actualModel(), OpenAiUsage.of(json), text(json));
    ctx.downstream().end(status, "application/json", body);
    String id = json.getValue("id") instanceof String s ? s : null;
    return RelayResult.success(status, usage.usage(), usage.estimated(), id);
  }

  private static CharSequence text(JsonObject json) {
    StringBuilder text = new StringBuilder();
    if (json.getValue("choices") instanceof JsonArray choices) {
      choices.forEach(choice -> {
        if (choice instanceof JsonObject c) {
          Texts.appendChoice(text, c);
        }
      });
    }
    return text;
  }

  private static JsonObject parse(Buffer body) {
    try {
      return body.length() == 0 ? null : new JsonObject(body);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
