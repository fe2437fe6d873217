package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * A JSON answer passed to the client unchanged (rerank, moderations, image generations), with its
 * usage read in the mode's shape: rerank {@code usage.prompt_tokens} / {@code usage.total_tokens}
 * (Jina, vLLM) or {@code meta.tokens.input_tokens} (Cohere); images {@code usage.input_tokens} and
 * {@code output_tokens} (gpt-image), else one image output token per returned image; moderations
 * report none. Without usage the relay counts the request's text.
 */
public final class JsonPassThroughPlan implements ResponsePlan {

  private final Mode mode;

  public JsonPassThroughPlan(Mode mode) {
    this.mode = mode;
  }

  @Override
  public boolean passThrough() {
    return true;
  }

  @Override
  public JsonObject response(JsonObject upstream) {
    return upstream;
  }

  @Override
  public Usage usage(JsonObject upstream) {
    return switch (mode) {
      case RERANK -> rerank(upstream);
      case IMAGES_GENERATIONS, IMAGES_EDITS -> images(upstream);
      default -> null;
    };
  }

  private static Usage rerank(JsonObject upstream) {
    JsonObject usage = Jsons.object(upstream, "usage");
    long input = Jsons.number(usage, "prompt_tokens");
    input = input > 0 ? input : Jsons.number(usage, "total_tokens");
    input = input > 0 ? input : Jsons.number(Jsons.object(Jsons.object(upstream, "meta"), "tokens"), "input_tokens");
    return input > 0 ? Usages.of(input, 0, 0, 0, 0, 0) : null;
  }

  private static Usage images(JsonObject upstream) {
    if (upstream.getValue("usage") instanceof JsonObject usage) {
      long imageInput = Jsons.number(Jsons.object(usage, "input_tokens_details"), "image_tokens");
      long output = Jsons.number(usage, "output_tokens");
      return Usages.of(Jsons.number(usage, "input_tokens"), output, 0, 0, 0, 0,
          new Usages.Media(imageInput, 0, output, 0));
    }
    JsonArray data = Jsons.array(upstream, "data");
    return data.isEmpty() ? null : Usages.of(0, data.size(), 0, 0, 0, 0, new Usages.Media(0, 0, data.size(), 0));
  }

  @Override
  public CharSequence text(JsonObject upstream) {
    return "";
  }

  @Override
  public String upstreamId(JsonObject upstream) {
    return Jsons.string(upstream, "id");
  }

  @Override
  public RelayException error(int status, Buffer body) {
    return OpenAiErrors.fromUpstream(status, body);
  }

  @Override
  public Framing framing() {
    return Framing.sse();
  }

  @Override
  public StreamTranslator translator() {
    throw new IllegalStateException(mode + " answers do not stream");
  }

  @Override
  public Buffer failureEvent(ProtocolError error) {
    return Sse.data(error.toOpenAi());
  }
}
