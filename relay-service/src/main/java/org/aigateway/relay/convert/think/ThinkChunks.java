package org.aigateway.relay.convert.think;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;

/**
 * Applies the think split to the OpenAI chat completion chunks of one stream, in place, as the
 * original's {@code think-split} plugin does: only chunks with exactly one choice and a string
 * {@code delta.content} are touched; once a chunk carries {@code reasoning_content} the upstream
 * splits by itself and the rest of the stream passes unchanged. Text held back at the end is
 * released on the chunk that carries the {@code finish_reason} (or by {@link #finish()}).
 */
public final class ThinkChunks {

  private final ThinkSplitter splitter = new ThinkSplitter();
  private boolean passThrough;

  /** Rewrites {@code chunk} in place and returns it. */
  public JsonObject apply(JsonObject chunk) {
    JsonArray choices = Jsons.array(chunk, "choices");
    if (passThrough || choices.size() != 1 || !(choices.getValue(0) instanceof JsonObject choice)) {
      return chunk;
    }
    JsonObject delta = Jsons.object(choice, "delta");
    if (delta.getValue("reasoning_content") instanceof String) {
      passThrough = true;
      return chunk;
    }
    String content = Jsons.string(delta, "content");
    ThinkPart part = content == null ? ThinkPart.EMPTY : splitter.feed(content);
    if (choice.getValue("finish_reason") != null) {
      part = part.plus(splitter.finish());
    }
    if (content != null || !part.isEmpty()) {
      delta.put("content", part.content());
      if (!part.reasoning().isEmpty()) {
        delta.put("reasoning_content", part.reasoning());
      }
      choice.put("delta", delta);
    }
    return chunk;
  }

  /** What is still held back when the stream ends without a finish reason. */
  public ThinkPart finish() {
    return passThrough ? ThinkPart.EMPTY : splitter.finish();
  }

  /**
   * Splits every choice of a whole {@code chat.completion} in place: a string {@code content} that
   * opens with a think block, in a message without {@code reasoning_content}, is split. (The
   * original shares one splitter across choices and so splits only the first; each is split here.)
   */
  public static JsonObject applyToCompletion(JsonObject completion) {
    for (JsonObject choice : Jsons.objects(Jsons.array(completion, "choices"))) {
      JsonObject message = Jsons.object(choice, "message");
      if (message.getValue("content") instanceof String content && message.getValue("reasoning_content") == null) {
        ThinkSplit.split(content).ifPresent(part -> message
            .put("reasoning_content", part.reasoning()).put("content", part.content()));
      }
    }
    return completion;
  }
}
