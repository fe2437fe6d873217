package org.aigateway.relay.adaptor.openai;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.usage.UsageCounter;
import org.aigateway.relay.usage.UsageCounter.Counted;

/**
 * {@code /audio/transcriptions} and {@code /audio/translations}: the answer (JSON, or text, SRT or
 * VTT as the client's {@code response_format} asked) goes to the client unchanged. Its usage is the
 * upstream's token report when it gives one ({@code usage.type = "tokens"}, gpt-4o-transcribe:
 * input tokens with their audio part, output tokens); otherwise the gateway counts the transcript's
 * tokens as output, the {@code prompt} field's as input, and adds the seconds of a
 * {@code usage.type = "duration"} report (whisper) as audio input, as the original gateway does.
 */
final class TranscriptionRelay {

  private TranscriptionRelay() {
  }

  static Future<RelayResult> run(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream,
                                 UsageCounter counter) {
    int status = upstream.statusCode();
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    return upstream.body()
        .map(body -> status >= 400
            ? RelayResult.failure(OpenAiErrors.fromUpstream(status, body))
            : relay(ctx, status, type, body, counter))
        .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))));
  }

  private static RelayResult relay(RelayContext ctx, int status, String type, Buffer body, UsageCounter counter) {
    JsonObject json = type != null && type.startsWith("application/json") ? Jsons.parseObject(body.toString()) : null;
    JsonObject usage = json == null ? new JsonObject() : Jsons.object(json, "usage");
    Counted counted;
    if ("tokens".equals(usage.getValue("type")) || Jsons.number(usage, "input_tokens") > 0) {
      long audio = Jsons.number(Jsons.object(usage, "input_token_details"), "audio_tokens");
      counted = new Counted(Usages.of(Jsons.number(usage, "input_tokens"), Jsons.number(usage, "output_tokens"),
          0, 0, 0, Jsons.number(usage, "total_tokens"), new Usages.Media(0, audio, 0, 0)), false);
    } else {
      String text = json == null ? body.toString() : Jsons.string(json, "text");
      Usage base = counter.settle(ctx.request(), ctx.actualModel(), null, text).usage();
      long seconds = "duration".equals(usage.getValue("type")) && usage.getValue("seconds") instanceof Number n
          ? (long) Math.ceil(n.doubleValue()) : 0;
      counted = new Counted(Usages.of(base.inputTokens() + seconds, base.outputTokens(), 0, 0, 0, 0,
          new Usages.Media(0, seconds, 0, 0)), true);
    }
    ctx.downstream().end(status, type == null ? "text/plain; charset=utf-8" : type, body);
    return RelayResult.success(status, counted.usage(), counted.estimated(), null);
  }
}
