package org.aigateway.relay.adaptor.gemini;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.bridge.UpstreamCodec;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.gemini.GeminiErrors;
import org.aigateway.relay.convert.gemini.GeminiRequests;
import org.aigateway.relay.convert.gemini.GeminiResponses;
import org.aigateway.relay.convert.gemini.GeminiToOpenAiStream;

/** Gemini {@code generateContent} as an upstream protocol, through the converters of {@code convert.gemini}. */
final class GeminiCodec implements UpstreamCodec {

  @Override
  public JsonObject fromChat(RelayContext ctx, JsonObject chat) {
    return GeminiRequests.fromOpenAi(chat);
  }

  @Override
  public JsonObject toChat(JsonObject response, String model) {
    return GeminiResponses.toOpenAi(response, model);
  }

  @Override
  public Usage usage(JsonObject response) {
    return response.getValue("usageMetadata") instanceof JsonObject ? GeminiResponses.usage(response) : null;
  }

  @Override
  public StreamTranslator toChatStream(String model, boolean includeUsage) {
    return new GeminiToOpenAiStream(model, includeUsage);
  }

  /** Google's error body, also in the one-element array form some Google endpoints answer with. */
  @Override
  public ProtocolError error(int status, Buffer body) {
    String text = body.toString().strip();
    Object json = null;
    try {
      json = text.startsWith("[") ? new JsonArray(text) : Jsons.parseObject(text);
    } catch (RuntimeException e) {
      return null;
    }
    JsonObject first = json instanceof JsonArray array ? Jsons.first(array) : (JsonObject) json;
    return first != null && first.getValue("error") instanceof JsonObject ? GeminiErrors.parse(status, json) : null;
  }

  @Override
  public String upstreamId(JsonObject response) {
    return Jsons.string(response, "responseId");
  }
}
