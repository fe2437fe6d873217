package org.aigateway.relay.adaptor.ollama;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.bridge.Framing;
import org.aigateway.relay.adaptor.bridge.ResponsePlan;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/** An {@code /api/embed} answer as OpenAI's embeddings list; embeddings never stream. */
final class OllamaEmbeddingsPlan implements ResponsePlan {

  private final String model;

  OllamaEmbeddingsPlan(String model) {
    this.model = model;
  }

  @Override
  public boolean passThrough() {
    return false;
  }

  @Override
  public JsonObject response(JsonObject upstream) {
    return OllamaResponses.embeddings(upstream, model);
  }

  @Override
  public Usage usage(JsonObject upstream) {
    long prompt = Jsons.number(upstream, "prompt_eval_count");
    return prompt > 0 ? Usages.of(prompt, 0, 0, 0, 0, 0) : null;
  }

  @Override
  public CharSequence text(JsonObject upstream) {
    return "";
  }

  @Override
  public String upstreamId(JsonObject upstream) {
    return null;
  }

  @Override
  public RelayException error(int status, Buffer body) {
    ProtocolError error = OllamaResponses.error(status, Jsons.parseObject(body.toString()));
    return error == null ? OpenAiErrors.fromUpstream(status, body) : OpenAiErrors.from(error);
  }

  @Override
  public Framing framing() {
    return Framing.lines();
  }

  @Override
  public StreamTranslator translator() {
    throw new IllegalStateException("embeddings do not stream");
  }

  @Override
  public Buffer failureEvent(ProtocolError error) {
    return Sse.data(error.toOpenAi());
  }
}
