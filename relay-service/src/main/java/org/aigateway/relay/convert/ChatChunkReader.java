package org.aigateway.relay.convert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;

/** Reads an OpenAI {@code chat.completion.chunk} into the deltas of choice 0, in the order a client would. */
public final class ChatChunkReader {

  /** Receives what one chunk says. */
  public interface Sink {

    void reasoning(String text);

    void content(String text);

    /** A tool call delta: {@code id} and {@code name} only on its first delta, {@code arguments} a fragment. */
    void toolCall(int index, String id, String name, String arguments);

    void finish(String reason);

    void usage(Usage usage);
  }

  private ChatChunkReader() {
  }

  public static void read(JsonObject chunk, Sink sink) {
    for (JsonObject choice : Jsons.objects(Jsons.array(chunk, "choices"))) {
      if (choice.getInteger("index", 0) == 0) {
        readChoice(choice, sink);
      }
    }
    if (chunk.getValue("usage") instanceof JsonObject usage) {
      sink.usage(ChatUsageJson.parse(usage));
    }
  }

  private static void readChoice(JsonObject choice, Sink sink) {
    JsonObject delta = Jsons.object(choice, "delta");
    String reasoning = Jsons.hasText(delta, "reasoning_content") ? delta.getString("reasoning_content")
        : Jsons.string(delta, "reasoning");
    if (reasoning != null && !reasoning.isEmpty()) {
      sink.reasoning(reasoning);
    }
    if (Jsons.hasText(delta, "content")) {
      sink.content(delta.getString("content"));
    }
    readToolCalls(Jsons.array(delta, "tool_calls"), sink);
    if (Jsons.hasText(choice, "finish_reason")) {
      sink.finish(choice.getString("finish_reason"));
    }
  }

  private static void readToolCalls(JsonArray calls, Sink sink) {
    int position = 0;
    for (JsonObject call : Jsons.objects(calls)) {
      JsonObject function = Jsons.object(call, "function");
      sink.toolCall(call.getInteger("index", position++), Jsons.string(call, "id"),
          Jsons.string(function, "name"), Jsons.string(function, "arguments"));
    }
  }
}
