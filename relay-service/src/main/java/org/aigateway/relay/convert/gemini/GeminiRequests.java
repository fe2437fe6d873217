package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;

/**
 * Request bodies between OpenAI chat completions and Gemini {@code generateContent}. Gemini names
 * the model and streaming in the URL ({@code models/<model>:generateContent} or
 * {@code :streamGenerateContent?alt=sse}), so they are parameters here, not fields.
 */
public final class GeminiRequests {

  private GeminiRequests() {
  }

  /** The Gemini body for an OpenAI chat request (send it to {@code :streamGenerateContent?alt=sse} when it streams). */
  public static JsonObject fromOpenAi(JsonObject chat) {
    ChatToContents.Result converted = ChatToContents.convert(Jsons.array(chat, "messages"));
    JsonObject out = new JsonObject().put("contents", converted.contents());
    Jsons.putIfPresent(out, "systemInstruction", converted.systemInstruction());
    JsonObject config = GenerationConfigs.toGemini(chat);
    if (!config.isEmpty()) {
      out.put("generationConfig", config);
    }
    GeminiTools.toGemini(chat, out);
    return out;
  }

  /** The OpenAI chat request for a Gemini body addressed to {@code model}, streaming when the URL asked to. */
  public static JsonObject toOpenAi(JsonObject body, String model, boolean stream) {
    JsonObject request = GeminiKeys.camelCase(body);
    JsonObject out = new JsonObject().put("model", model)
        .put("messages", ContentsToChat.convert(Jsons.object(request, "systemInstruction"),
            Jsons.array(request, "contents")));
    GenerationConfigs.toOpenAi(Jsons.object(request, "generationConfig"), out);
    GeminiTools.toOpenAi(request, out);
    if (stream) {
      out.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    return out;
  }
}
