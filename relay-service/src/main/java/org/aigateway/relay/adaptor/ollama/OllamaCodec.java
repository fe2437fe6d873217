package org.aigateway.relay.adaptor.ollama;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.bridge.Framing;
import org.aigateway.relay.adaptor.bridge.UpstreamCodec;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamTranslator;

/** Ollama's native {@code /api/chat} as an upstream protocol; its streams are newline-delimited JSON. */
final class OllamaCodec implements UpstreamCodec {

  @Override
  public JsonObject fromChat(RelayContext ctx, JsonObject chat) {
    return OllamaRequests.chat(chat, ctx.actualModel());
  }

  @Override
  public JsonObject toChat(JsonObject response, String model) {
    return OllamaResponses.chat(response, model);
  }

  @Override
  public Usage usage(JsonObject response) {
    return response.containsKey("prompt_eval_count") || response.containsKey("eval_count")
        ? OllamaResponses.usage(response) : null;
  }

  @Override
  public StreamTranslator toChatStream(String model, boolean includeUsage) {
    return new OllamaToOpenAiStream(model, includeUsage);
  }

  @Override
  public ProtocolError error(int status, Buffer body) {
    return OllamaResponses.error(status, Jsons.parseObject(body.toString()));
  }

  @Override
  public String upstreamId(JsonObject response) {
    return null;
  }

  @Override
  public Framing framing() {
    return Framing.lines();
  }
}
