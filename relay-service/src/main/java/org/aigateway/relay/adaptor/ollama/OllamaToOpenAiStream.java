package org.aigateway.relay.adaptor.ollama;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatChunks;
import org.aigateway.relay.convert.Ids;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;

/**
 * An Ollama {@code /api/chat} stream (one JSON object per line) as OpenAI chat completion chunks:
 * {@code thinking} as {@code reasoning_content}, {@code content} as content, each tool call whole;
 * the line with {@code "done": true} carries the finish reason and usage, and ends the stream with
 * {@code [DONE]}. A line {@code {"error": "..."}} is an in-band error.
 */
final class OllamaToOpenAiStream extends BaseStreamTranslator {

  private final ChatChunks chunks;
  private final boolean includeUsage;
  private boolean started;
  private int toolCalls;

  OllamaToOpenAiStream(String model, boolean includeUsage) {
    this.chunks = new ChatChunks(Ids.responseId("chatcmpl-"), model);
    this.includeUsage = includeUsage;
  }

  @Override
  protected void onJson(JsonObject line) {
    ProtocolError error = OllamaResponses.error(500, line);
    if (error != null) {
      fail(error);
      emit(failure(error));
      return;
    }
    if (!started) {
      started = true;
      chunks.identify(null, Jsons.string(line, "model"));
      emit(Sse.data(chunks.role()));
    }
    message(Jsons.object(line, "message"));
    if (Boolean.TRUE.equals(line.getValue("done"))) {
      done(line);
    }
  }

  private void message(JsonObject message) {
    if (Jsons.hasText(message, "thinking")) {
      appendText(message.getString("thinking"));
      emit(Sse.data(chunks.reasoning(message.getString("thinking"))));
    }
    if (Jsons.hasText(message, "content")) {
      appendText(message.getString("content"));
      emit(Sse.data(chunks.content(message.getString("content"))));
    }
    for (Object call : OllamaResponses.toolCalls(message)) {
      JsonObject function = ((JsonObject) call).getJsonObject("function");
      appendText(function.getString("arguments"));
      emit(Sse.data(chunks.toolCallStart(toolCalls++, ((JsonObject) call).getString("id"),
          function.getString("name"), function.getString("arguments"))));
    }
  }

  private void done(JsonObject line) {
    recordUsage(OllamaResponses.usage(line));
    emit(Sse.data(chunks.finish(OllamaResponses.finishReason(line, toolCalls > 0))));
    if (includeUsage) {
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
