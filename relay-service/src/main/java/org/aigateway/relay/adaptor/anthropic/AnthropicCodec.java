package org.aigateway.relay.adaptor.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.bridge.UpstreamCodec;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.anthropic.AnthropicErrors;
import org.aigateway.relay.convert.anthropic.AnthropicRequests;
import org.aigateway.relay.convert.anthropic.AnthropicResponses;
import org.aigateway.relay.convert.anthropic.AnthropicToOpenAiStream;

/** Anthropic Messages as an upstream protocol, through the converters of {@code convert.anthropic}. */
final class AnthropicCodec implements UpstreamCodec {

  /** The model config's {@code config.max_output_tokens}, used when a chat client sets no limit. */
  private static final String MAX_OUTPUT_TOKENS = "max_output_tokens";

  @Override
  public JsonObject fromChat(RelayContext ctx, JsonObject chat) {
    return AnthropicRequests.fromOpenAi(chat, ctx.actualModel(), defaultMaxTokens(ctx.modelConfig()));
  }

  @Override
  public JsonObject toChat(JsonObject response, String model) {
    return AnthropicResponses.toOpenAi(response, model);
  }

  @Override
  public Usage usage(JsonObject response) {
    return response.getValue("usage") instanceof JsonObject ? AnthropicResponses.usage(response) : null;
  }

  @Override
  public StreamTranslator toChatStream(String model, boolean includeUsage) {
    return new AnthropicToOpenAiStream(model, includeUsage);
  }

  @Override
  public ProtocolError error(int status, Buffer body) {
    JsonObject json = Jsons.parseObject(body.toString());
    return json != null && json.getValue("error") instanceof JsonObject ? AnthropicErrors.parse(status, json) : null;
  }

  /** The client's bytes, with the channel's model name when it maps the model. */
  @Override
  public Buffer nativeBody(RelayContext ctx) {
    RelayRequest request = ctx.request();
    if (ctx.actualModel().equals(request.model())) {
      return request.rawBody();
    }
    return new JsonObject(new LinkedHashMap<>(request.body().getMap())).put("model", ctx.actualModel()).toBuffer();
  }

  private static int defaultMaxTokens(ModelConfig config) {
    long limit = config == null ? 0 : Jsons.number(config.config(), MAX_OUTPUT_TOKENS);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, limit));
  }
}
