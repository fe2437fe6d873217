package org.aigateway.relay.convert.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatChunks;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/**
 * An Anthropic Messages stream as OpenAI chat completion chunks: a role chunk first, text and
 * thinking deltas as {@code content} and {@code reasoning_content}, each {@code tool_use} block as
 * a tool call (id and name, then argument fragments), the stop reason as the final chunk's
 * {@code finish_reason}, the usage chunk when the client asked for it, then {@code [DONE]} on
 * {@code message_stop}. An {@code error} event becomes an OpenAI error event and ends the stream.
 */
public final class AnthropicToOpenAiStream extends BaseStreamTranslator {

  private final ChatChunks chunks;
  private final boolean includeUsage;
  private final Map<Integer, Integer> toolIndexes = new HashMap<>();
  private final Set<Integer> toolsWithArguments = new HashSet<>();
  private final JsonObject rawUsage = new JsonObject();
  private boolean started;
  private boolean finished;

  /** {@code model} is the name the client asked for ({@code null}: the upstream's). */
  public AnthropicToOpenAiStream(String model, boolean includeUsage) {
    this.chunks = new ChatChunks(null, model);
    this.includeUsage = includeUsage;
  }

  @Override
  protected void onJson(JsonObject event) {
    switch (event.getString("type", "")) {
      case "message_start" -> start(Jsons.object(event, "message"));
      case "content_block_start" -> blockStart(event.getInteger("index", 0), Jsons.object(event, "content_block"));
      case "content_block_delta" -> blockDelta(event.getInteger("index", 0), Jsons.object(event, "delta"));
      case "content_block_stop" -> blockStop(event.getInteger("index", 0));
      case "message_delta" -> messageDelta(event);
      case "message_stop" -> stop();
      case "error" -> inBandError(AnthropicErrors.fromEvent(event));
      default -> { }
    }
  }

  private void start(JsonObject message) {
    recordUpstreamId(Jsons.string(message, "id"));
    chunks.identify(Jsons.string(message, "id"), Jsons.string(message, "model"));
    addUsage(Jsons.object(message, "usage"));
    ensureStarted();
  }

  private void ensureStarted() {
    if (!started) {
      started = true;
      emit(Sse.data(chunks.role()));
    }
  }

  private void blockStart(int index, JsonObject block) {
    ensureStarted();
    switch (block.getString("type", "")) {
      case "text" -> content(Jsons.string(block, "text"));
      case "thinking" -> reasoning(Jsons.string(block, "thinking"));
      case "tool_use" -> {
        int toolIndex = toolIndexes.size();
        toolIndexes.put(index, toolIndex);
        emit(Sse.data(chunks.toolCallStart(toolIndex, block.getString("id"), block.getString("name"), "")));
        JsonObject input = Jsons.object(block, "input");
        if (!input.isEmpty()) {
          arguments(index, input.encode());
        }
      }
      default -> { }
    }
  }

  private void blockDelta(int index, JsonObject delta) {
    ensureStarted();
    switch (delta.getString("type", "")) {
      case "text_delta" -> content(Jsons.string(delta, "text"));
      case "thinking_delta" -> reasoning(Jsons.string(delta, "thinking"));
      case "input_json_delta" -> arguments(index, Jsons.string(delta, "partial_json"));
      default -> { }
    }
  }

  /**
   * A tool call without input streams no argument fragment (or only empty ones); OpenAI sends
   * {@code "{}"} for it, and clients parse the arguments as JSON, which an empty string is not.
   */
  private void blockStop(int index) {
    if (toolIndexes.containsKey(index) && !toolsWithArguments.contains(index)) {
      arguments(index, "{}");
    }
  }

  private void content(String text) {
    if (text != null && !text.isEmpty()) {
      appendText(text);
      emit(Sse.data(chunks.content(text)));
    }
  }

  private void reasoning(String text) {
    if (text != null && !text.isEmpty()) {
      appendText(text);
      emit(Sse.data(chunks.reasoning(text)));
    }
  }

  private void arguments(int blockIndex, String fragment) {
    Integer toolIndex = toolIndexes.get(blockIndex);
    if (toolIndex != null && fragment != null && !fragment.isEmpty()) {
      toolsWithArguments.add(blockIndex);
      appendText(fragment);
      emit(Sse.data(chunks.toolCallArguments(toolIndex, fragment)));
    }
  }

  private void messageDelta(JsonObject event) {
    addUsage(Jsons.object(event, "usage"));
    String stopReason = Jsons.string(Jsons.object(event, "delta"), "stop_reason");
    if (stopReason != null) {
      finish(StopReasons.toOpenAi(stopReason));
    }
  }

  private void finish(String reason) {
    if (!finished) {
      finished = true;
      ensureStarted();
      emit(Sse.data(chunks.finish(reason)));
    }
  }

  private void stop() {
    finish("stop");
    if (includeUsage && usage() != null) {
      emit(Sse.data(chunks.usage(usage())));
    }
    emit(Sse.done());
    complete();
  }

  /** Anthropic may repeat or complete counts in later events, so the raw fields merge before normalising. */
  private void addUsage(JsonObject reported) {
    reported.forEach(entry -> {
      if (entry.getValue() instanceof Number || entry.getValue() instanceof JsonObject) {
        rawUsage.put(entry.getKey(), entry.getValue());
      }
    });
    if (!rawUsage.isEmpty()) {
      recordUsage(AnthropicUsage.parse(rawUsage));
    }
  }

  private void inBandError(ProtocolError error) {
    fail(error);
    emit(failure(error));
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return Sse.data(error.toOpenAi());
  }
}
