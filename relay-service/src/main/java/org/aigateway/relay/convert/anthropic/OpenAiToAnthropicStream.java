package org.aigateway.relay.convert.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatChunkReader;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;
import org.aigateway.relay.convert.Usages;

/**
 * An OpenAI chat completion stream as Anthropic Messages events: {@code message_start} (usage
 * placeholder with the prompt estimate), one content block per run of reasoning, text or tool
 * call, in order, then on {@code [DONE]} the {@code message_delta} with stop reason and usage and
 * {@code message_stop}. Argument fragments of a tool call whose block has already closed (OpenAI
 * interleaving parallel calls) cannot be placed in Anthropic's sequential blocks and are dropped.
 */
public final class OpenAiToAnthropicStream extends BaseStreamTranslator implements ChatChunkReader.Sink {

  private final String model;
  private final long promptEstimate;
  private final Map<Integer, Integer> toolBlocks = new HashMap<>();
  private final Blocks blocks = new Blocks();
  private boolean started;
  private String finishReason;

  /** {@code model} is the client's model name ({@code null}: the upstream's). */
  public OpenAiToAnthropicStream(String model, long promptEstimate) {
    this.model = model;
    this.promptEstimate = promptEstimate;
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
    start(chunk);
    ChatChunkReader.read(chunk, this);
  }

  private void start(JsonObject chunk) {
    if (started) {
      return;
    }
    started = true;
    String id = Jsons.hasText(chunk, "id") ? chunk.getString("id") : Ids.responseId("msg_");
    JsonObject message = new JsonObject().put("id", id).put("type", "message").put("role", "assistant")
        .put("model", model != null ? model : chunk.getString("model")).put("content", new JsonArray())
        .put("stop_reason", null).put("stop_sequence", null)
        .put("usage", AnthropicUsage.toJson(Usages.of(promptEstimate, 0, 0, 0, 0, 0)));
    emit(Sse.event("message_start", new JsonObject().put("type", "message_start").put("message", message)));
  }

  @Override
  public void reasoning(String text) {
    appendText(text);
    blocks.open("thinking", new JsonObject().put("type", "thinking").put("thinking", ""));
    blocks.delta(new JsonObject().put("type", "thinking_delta").put("thinking", text));
  }

  @Override
  public void content(String text) {
    appendText(text);
    blocks.open("text", new JsonObject().put("type", "text").put("text", ""));
    blocks.delta(new JsonObject().put("type", "text_delta").put("text", text));
  }

  @Override
  public void toolCall(int index, String id, String name, String arguments) {
    if (!toolBlocks.containsKey(index)) {
      JsonObject block = new JsonObject().put("type", "tool_use").put("id", id != null ? id : Ids.callId())
          .put("name", name).put("input", new JsonObject());
      toolBlocks.put(index, blocks.open("tool:" + index, block));
    }
    if (arguments != null && !arguments.isEmpty() && blocks.isOpen(toolBlocks.get(index))) {
      appendText(arguments);
      blocks.delta(new JsonObject().put("type", "input_json_delta").put("partial_json", arguments));
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
    if (!started) {
      start(new JsonObject());
    }
    blocks.close();
    Usage usage = usage() != null ? usage() : Usages.of(promptEstimate, 0, 0, 0, 0, 0);
    JsonObject delta = new JsonObject().put("stop_reason", StopReasons.fromOpenAi(finishReason))
        .put("stop_sequence", null);
    emit(Sse.event("message_delta", new JsonObject().put("type", "message_delta").put("delta", delta)
        .put("usage", AnthropicUsage.toJson(usage))));
    emit(Sse.event("message_stop", new JsonObject().put("type", "message_stop")));
    complete();
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return AnthropicErrors.event(error);
  }

  /** The content blocks: at most one open at a time, indexes in order of opening. */
  private final class Blocks {

    private int next;
    private int openIndex = -1;
    private String openKind;

    /** Opens a block of {@code kind} unless it is the open one; returns its index. */
    int open(String kind, JsonObject block) {
      if (kind.equals(openKind)) {
        return openIndex;
      }
      close();
      openIndex = next++;
      openKind = kind;
      emit(Sse.event("content_block_start", new JsonObject().put("type", "content_block_start")
          .put("index", openIndex).put("content_block", block)));
      return openIndex;
    }

    boolean isOpen(int index) {
      return openKind != null && openIndex == index;
    }

    void delta(JsonObject delta) {
      emit(Sse.event("content_block_delta", new JsonObject().put("type", "content_block_delta")
          .put("index", openIndex).put("delta", delta)));
    }

    void close() {
      if (openKind != null) {
        emit(Sse.event("content_block_stop",
            new JsonObject().put("type", "content_block_stop").put("index", openIndex)));
        openKind = null;
      }
    }
  }
}
