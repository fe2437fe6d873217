package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.convert.BaseStreamTranslator;
import org.aigateway.relay.convert.ChatUsageJson;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.Sse;
import org.aigateway.relay.convert.think.ThinkChunks;
import org.aigateway.relay.convert.think.ThinkPart;
import org.aigateway.relay.usage.Texts;

/**
 * OpenAI chat chunks to OpenAI chat chunks with the {@code think-split} plugin applied: content that
 * opens with {@code <think>} moves into {@code reasoning_content}, whatever the cuts between chunks.
 * The usage-only chunk reaches the client only when it asked for it; text held back when the stream
 * ends goes out in one last chunk before {@code [DONE]}.
 */
public final class ThinkSplitStream extends BaseStreamTranslator {

  private static final String PLUGIN = "think-split";

  private final ThinkChunks think = new ThinkChunks();
  private final boolean includeUsage;
  private JsonObject template;

  public ThinkSplitStream(boolean includeUsage) {
    this.includeUsage = includeUsage;
  }

  /** Whether the model's config enables the plugin ({@code "plugin":{"think-split":{"enable":true}}}) for this chat request. */
  public static boolean enabled(RelayContext ctx) {
    return ctx.request().mode() == Mode.CHAT_COMPLETIONS && ctx.modelConfig() != null
        && ctx.modelConfig().plugin() != null
        && ctx.modelConfig().plugin().getValue(PLUGIN) instanceof JsonObject plugin
        && Boolean.TRUE.equals(plugin.getValue("enable"));
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
    JsonArray choices = Jsons.array(chunk, "choices");
    if (chunk.getValue("usage") instanceof JsonObject usage) {
      recordUsage(ChatUsageJson.parse(usage));
      if (choices.isEmpty() && !includeUsage) {
        return;
      }
    }
    if (template == null) {
      template = chunk.copy().put("choices", new JsonArray());
      template.remove("usage");
    }
    think.apply(chunk);
    StringBuilder text = new StringBuilder();
    Jsons.objects(choices).forEach(choice -> Texts.appendChoice(text, choice));
    appendText(text.toString());
    emit(Sse.data(chunk));
  }

  @Override
  protected void onDone() {
    ThinkPart rest = think.finish();
    if (!rest.isEmpty() && template != null) {
      JsonObject delta = new JsonObject().put("content", rest.content());
      if (!rest.reasoning().isEmpty()) {
        delta.put("reasoning_content", rest.reasoning());
      }
      appendText(rest.reasoning() + rest.content());
      JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", null);
      emit(Sse.data(template.copy().put("choices", new JsonArray().add(choice))));
    }
    emit(Sse.done());
    complete();
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return Sse.data(error.toOpenAi());
  }
}
