package org.aigateway.relay.convert.gemini;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatChunks;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/**
 * A Gemini {@code streamGenerateContent?alt=sse} stream as OpenAI chat completion chunks (candidate
 * 0 only). Each event is a whole {@code GenerateContentResponse}: thought parts become
 * {@code reasoning_content}, text {@code content}, each function call one complete tool call delta
 * (its thought signature kept in {@code extra_content}, as in whole responses).
 * Gemini has no end marker: the stream completed when a {@code finishReason} arrived, and
 * {@link #finish()} then adds the usage chunk (when asked) and {@code [DONE]}.
 */
public final class GeminiToOpenAiStream extends BaseStreamTranslator {

  private final ChatChunks chunks;
  private final boolean includeUsage;
  private boolean started;
  private int toolCalls;
  private String finishReason;

  /** {@code model} is the client's model name ({@code null}: Gemini's {@code modelVersion}). */
  public GeminiToOpenAiStream(String model, boolean includeUsage) {
    this.chunks = new ChatChunks(null, model);
    this.includeUsage = includeUsage;
  }

  @Override
  protected void onJson(JsonObject event) {
    if (event.getValue("error") instanceof JsonObject) {
      ProtocolError error = GeminiErrors.fromEvent(event);
      fail(error);
      emit(failure(error));
      return;
    }
    start(event);
    if (event.getValue("usageMetadata") instanceof JsonObject metadata) {
      recordUsage(GeminiUsage.parse(metadata));
    }
    JsonObject candidate = firstCandidate(event);
    Jsons.objects(Jsons.array(Jsons.object(candidate, "content"), "parts")).forEach(this::part);
    if (Jsons.hasText(candidate, "finishReason")) {
      finish(FinishReasons.toOpenAi(candidate.getString("finishReason"), toolCalls > 0));
    } else if (candidate.isEmpty() && Jsons.hasText(Jsons.object(event, "promptFeedback"), "blockReason")) {
      finish("content_filter");
    }
  }

  /**
   * Candidate 0 of the event, empty when the event has none. With {@code candidateCount > 1} Gemini
   * streams the candidates in parallel, an event carrying any of them in any order, so the first
   * of the list may be another candidate; a candidate without {@code index} is candidate 0.
   */
  private static JsonObject firstCandidate(JsonObject event) {
    for (JsonObject candidate : Jsons.objects(Jsons.array(event, "candidates"))) {
      if (Jsons.number(candidate, "index") == 0) {
        return candidate;
      }
    }
    return new JsonObject();
  }

  private void start(JsonObject event) {
    if (started) {
      return;
    }
    started = true;
    String id = Jsons.hasText(event, "responseId") ? event.getString("responseId") : Ids.responseId("chatcmpl-");
    recordUpstreamId(Jsons.string(event, "responseId"));
    chunks.identify(id, Jsons.string(event, "modelVersion"));
    emit(Sse.data(chunks.role()));
  }

  private void part(JsonObject part) {
    if (part.getValue("functionCall") instanceof JsonObject call) {
      String id = Jsons.hasText(call, "id") ? call.getString("id") : Ids.callId();
      JsonObject toolCall = GeminiParts.toolCall(part, id, toolCalls++);
      appendText(toolCall.getJsonObject("function").getString("arguments"));
      emit(Sse.data(chunks.toolCall(toolCall)));
    } else if (part.getValue("text") instanceof String text && !text.isEmpty()) {
      appendText(text);
      boolean thought = Boolean.TRUE.equals(part.getValue("thought"));
      emit(Sse.data(thought ? chunks.reasoning(text) : chunks.content(text)));
    }
  }

  private void finish(String reason) {
    if (finishReason == null) {
      finishReason = reason;
      emit(Sse.data(chunks.finish(reason)));
    }
  }

  @Override
  protected void onEnd() {
    if (finishReason == null) {
      return;
    }
    if (includeUsage && usage() != null) {
      emit(Sse.data(chunks.usage(usage())));
    }
    emit(Sse.done());
    complete();
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return Sse.data(error.toOpenAi());
  }
}
