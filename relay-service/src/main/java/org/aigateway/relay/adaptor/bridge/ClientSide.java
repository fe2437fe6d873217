package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.anthropic.AnthropicErrors;
import org.aigateway.relay.convert.anthropic.AnthropicRequests;
import org.aigateway.relay.convert.anthropic.AnthropicResponses;
import org.aigateway.relay.convert.anthropic.OpenAiToAnthropicStream;
import org.aigateway.relay.convert.gemini.GeminiErrors;
import org.aigateway.relay.convert.gemini.GeminiRequests;
import org.aigateway.relay.convert.gemini.GeminiResponses;
import org.aigateway.relay.convert.gemini.OpenAiToGeminiStream;

/**
 * The protocol a relayed chat request came in (OpenAI chat, Anthropic Messages, Gemini
 * generateContent) and its way to and from OpenAI chat, the form every conversion passes through.
 */
public enum ClientSide {

  CHAT, ANTHROPIC, GEMINI;

  public static ClientSide of(Mode mode) {
    return switch (mode) {
      case ANTHROPIC -> ANTHROPIC;
      case GEMINI -> GEMINI;
      default -> CHAT;
    };
  }

  /** The request as an OpenAI chat request (the client's model name; streams ask for usage). */
  public JsonObject toChat(RelayRequest request) {
    return switch (this) {
      case CHAT -> request.body();
      case ANTHROPIC -> AnthropicRequests.toOpenAi(request.body(), null);
      case GEMINI -> GeminiRequests.toOpenAi(request.body(), request.model(), request.stream());
    };
  }

  /** The client's body for a chat completion. */
  public JsonObject fromChat(JsonObject completion, String model) {
    return switch (this) {
      case CHAT -> completion;
      case ANTHROPIC -> AnthropicResponses.fromOpenAi(completion, model);
      case GEMINI -> GeminiResponses.fromOpenAi(completion, model);
    };
  }

  /** A translator of chat chunks into the client's events; not used for chat clients. */
  public StreamTranslator fromChatStream(String model, long promptEstimate) {
    return switch (this) {
      case CHAT -> throw new IllegalStateException("chat clients read chat chunks as they are");
      case ANTHROPIC -> new OpenAiToAnthropicStream(model, promptEstimate);
      case GEMINI -> new OpenAiToGeminiStream(model);
    };
  }

  /** The error event of a stream cut short, in the client's protocol. */
  public Buffer failureEvent(ProtocolError error) {
    return switch (this) {
      case CHAT -> Sse.data(error.toOpenAi());
      case ANTHROPIC -> AnthropicErrors.event(error);
      case GEMINI -> GeminiErrors.event(error);
    };
  }
}
