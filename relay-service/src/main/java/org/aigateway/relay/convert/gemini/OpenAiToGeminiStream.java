package org.aigateway.relay.convert.gemini;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatChunkReader;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/**
 * An OpenAI chat completion stream as Gemini SSE events ({@code data: GenerateContentResponse}):
 * reasoning and text deltas pass as they come (thought parts and text parts); tool calls are
 * collected, since a Gemini {@code functionCall} carries whole arguments, and sent with the
 * finish reason and usage in one last event on {@code [DONE]}.
 */
public final class OpenAiToGeminiStream extends BaseStreamTranslator implements ChatChunkReader.Sink {

  private String model;
  private final Map<Integer, String> names = new LinkedHashMap<>();
  private final Map<Integer, StringBuilder> arguments = new LinkedHashMap<>();
  private String finishReason;

  /** {@code model} is reported as {@code modelVersion} ({@code null}: the upstream's). */
  public OpenAiToGeminiStream(String model) {
    this.model = model;
  }

  @Override
  protected void onJson(JsonObject chunk) {
    if (chunk.getValue("error") instanceof JsonObject) {
      ProtocolError error = ProtocolError.fromOpenAiEvent(chunk);
      fail(error);
      emit(failure(error));
      return;
    }
    recordUpstreamId(Jsons.string(chunk, "id"));
    if (model == null) {
      model = Jsons.string(chunk, "model");
    }
    ChatChunkReader.read(chunk, this);
  }

  @Override
  public void reasoning(String text) {
    appendText(text);
    emit(Sse.data(event(new JsonArray().add(new JsonObject().put("text", text).put("thought", true)), null, null)));
  }

  @Override
  public void content(String text) {
    appendText(text);
    emit(Sse.data(event(new JsonArray().add(new JsonObject().put("text", text)), null, null)));
  }

  @Override
  public void toolCall(int index, String id, String name, String fragment) {
    if (name != null || !names.containsKey(index)) {
      names.put(index, name);
    }
    if (fragment != null) {
      appendText(fragment);
      arguments.computeIfAbsent(index, i -> new StringBuilder()).append(fragment);
    }
  }

  @Override
  public void finish(String reason) {
    finishReason = reason;
  }

  @Override
  public void usage(Usage reported) {
    recordUsage(reported);
  }

  @Override
  protected void onDone() {
    JsonArray parts = new JsonArray();
    names.forEach((index, name) -> {
      StringBuilder args = arguments.getOrDefault(index, new StringBuilder());
      JsonObject functionCall = new JsonObject().put("name", name)
          .put("args", Jsons.arguments(args.toString()));
      parts.add(new JsonObject().put("functionCall", functionCall));
    });
    if (parts.isEmpty()) {
      parts.add(new JsonObject().put("text", ""));
    }
    emit(Sse.data(event(parts, FinishReasons.fromOpenAi(finishReason), usage())));
    complete();
  }

  private JsonObject event(JsonArray parts, String finish, Usage usage) {
    JsonObject candidate = new JsonObject().put("content", new JsonObject().put("parts", parts).put("role", "model"));
    Jsons.putIfPresent(candidate, "finishReason", finish).put("index", 0);
    JsonObject event = new JsonObject().put("candidates", new JsonArray().add(candidate));
    if (usage != null) {
      event.put("usageMetadata", GeminiUsage.toJson(usage));
    }
    return Jsons.putIfPresent(Jsons.putIfPresent(event, "modelVersion", model), "responseId", upstreamId());
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return GeminiErrors.event(error);
  }
}
