package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamTranslator;

/**
 * An upstream wire protocol other than OpenAI chat, as the bridge speaks it: the upstream body for a
 * chat request, the chat form of its answers (whole and streamed), their usage, and its errors.
 * Requests in another client protocol reach it through OpenAI chat.
 */
public interface UpstreamCodec {

  /** The upstream body for an OpenAI chat request, addressed to {@code ctx.actualModel()}. */
  JsonObject fromChat(RelayContext ctx, JsonObject chat);

  /** The chat completion for a whole upstream answer; {@code model} is the client's name ({@code null}: the upstream's). */
  JsonObject toChat(JsonObject response, String model);

  /** The usage a whole upstream answer reports, {@code null} when it reports none. */
  Usage usage(JsonObject response);

  /** A translator of the upstream's stream into chat chunks. */
  StreamTranslator toChatStream(String model, boolean includeUsage);

  /** The error of an upstream error answer, {@code null} when the body is not in this protocol's error shape. */
  ProtocolError error(int status, Buffer body);

  /** The body sent for a request that already speaks this protocol: the client's bytes. */
  default Buffer nativeBody(RelayContext ctx) {
    return ctx.request().rawBody();
  }

  /** The upstream's id of a whole answer. */
  default String upstreamId(JsonObject response) {
    return Jsons.string(response, "id");
  }

  /** How the upstream's stream is cut into events. */
  default Framing framing() {
    return Framing.sse();
  }
}
