package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.LongSupplier;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.convert.ChatUsageJson;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamChain;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.think.ThinkChunks;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.usage.Texts;

/**
 * The plan of a chat-family request (OpenAI chat, Anthropic, Gemini) on one upstream protocol: the
 * client's own protocol passes through unchanged (the translator only reads usage and errors);
 * anything else goes through OpenAI chat, chaining two translators when neither side is chat; chat
 * clients get the think split when the model's plugin asks for it.
 */
public final class ChatPlan implements ResponsePlan {

  private final RelayRequest request;
  private final UpstreamCodec codec;
  private final ClientSide client;
  private final boolean passThrough;
  private final boolean thinkSplit;
  private final LongSupplier promptEstimate;

  private ChatPlan(RelayContext ctx, UpstreamCodec codec, Mode nativeMode, LongSupplier promptEstimate) {
    this.request = ctx.request();
    this.codec = codec;
    this.client = ClientSide.of(request.mode());
    this.passThrough = codec != null && request.mode() == nativeMode;
    this.thinkSplit = ThinkSplitStream.enabled(ctx);
    this.promptEstimate = promptEstimate;
  }

  /**
   * The plan for an upstream speaking {@code codec} ({@code null}: OpenAI chat), whose own protocol is
   * that of {@code nativeMode}; {@code promptEstimate} gives the input tokens announced to Anthropic
   * stream clients before the usage is known.
   */
  public static ChatPlan of(RelayContext ctx, UpstreamCodec codec, Mode nativeMode, LongSupplier promptEstimate) {
    return new ChatPlan(ctx, codec, nativeMode, promptEstimate);
  }

  /** The upstream body of the context's request for an upstream speaking {@code codec}. */
  public static Buffer upstreamBody(RelayContext ctx, UpstreamCodec codec, Mode nativeMode) {
    RelayRequest request = ctx.request();
    if (request.mode() == nativeMode) {
      return codec.nativeBody(ctx);
    }
    return codec.fromChat(ctx, ClientSide.of(request.mode()).toChat(request)).toBuffer();
  }

  @Override
  public boolean passThrough() {
    return passThrough;
  }

  @Override
  public JsonObject response(JsonObject upstream) {
    JsonObject chat = codec == null ? upstream : codec.toChat(upstream, request.model());
    if (client == ClientSide.CHAT) {
      return thinkSplit ? ThinkChunks.applyToCompletion(chat) : chat;
    }
    return client.fromChat(chat, request.model());
  }

  @Override
  public Usage usage(JsonObject upstream) {
    if (codec != null) {
      return codec.usage(upstream);
    }
    return upstream.getValue("usage") instanceof JsonObject usage ? ChatUsageJson.parse(usage) : null;
  }

  @Override
  public CharSequence text(JsonObject upstream) {
    JsonObject chat = codec == null ? upstream : codec.toChat(upstream, null);
    StringBuilder text = new StringBuilder();
    Jsons.objects(Jsons.array(chat, "choices")).forEach(choice -> Texts.appendChoice(text, choice));
    return text;
  }

  @Override
  public String upstreamId(JsonObject upstream) {
    return codec == null ? Jsons.string(upstream, "id") : codec.upstreamId(upstream);
  }

  @Override
  public RelayException error(int status, Buffer body) {
    ProtocolError error = codec == null ? null : codec.error(status, body);
    return error == null ? OpenAiErrors.fromUpstream(status, body) : OpenAiErrors.from(error);
  }

  @Override
  public Framing framing() {
    return codec == null ? Framing.sse() : codec.framing();
  }

  @Override
  public StreamTranslator translator() {
    String model = request.model();
    if (passThrough) {
      return codec.toChatStream(null, false);
    }
    if (client == ClientSide.CHAT) {
      if (codec == null) {
        return new ThinkSplitStream(request.clientWantsUsage());
      }
      StreamTranslator chat = codec.toChatStream(model, request.clientWantsUsage());
      return thinkSplit ? new StreamChain(chat, new ThinkSplitStream(true)) : chat;
    }
    StreamTranslator clientSide = client.fromChatStream(model, promptEstimate.getAsLong());
    return codec == null ? clientSide : new StreamChain(codec.toChatStream(model, true), clientSide);
  }

  @Override
  public Buffer failureEvent(ProtocolError error) {
    return client.failureEvent(error);
  }
}
