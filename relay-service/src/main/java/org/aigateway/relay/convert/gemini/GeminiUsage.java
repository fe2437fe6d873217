package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.Usages;

/**
 * Gemini's {@code usageMetadata}, as the original reads it: input = prompt + tool-use prompt tokens,
 * output = candidates + thoughts (Gemini counts thoughts apart, the gateway's output includes
 * reasoning), reasoning = thoughts, cached = {@code cachedContentTokenCount}; image and audio
 * counts from the per-modality details.
 */
public final class GeminiUsage {

  private GeminiUsage() {
  }

  public static Usage parse(JsonObject metadata) {
    long input = Jsons.number(metadata, "promptTokenCount") + Jsons.number(metadata, "toolUsePromptTokenCount");
    long thoughts = Jsons.number(metadata, "thoughtsTokenCount");
    long output = Jsons.number(metadata, "candidatesTokenCount") + thoughts;
    JsonArray prompt = Jsons.array(metadata, "promptTokensDetails");
    Usages.Media media = new Usages.Media(modality(prompt, "IMAGE"), modality(prompt, "AUDIO"),
        modality(Jsons.array(metadata, "candidatesTokensDetails"), "IMAGE"), 0);
    return Usages.of(input, output, Jsons.number(metadata, "cachedContentTokenCount"), 0, thoughts,
        Jsons.number(metadata, "totalTokenCount"), media);
  }

  private static long modality(JsonArray details, String modality) {
    long count = 0;
    for (JsonObject detail : Jsons.objects(details)) {
      if (modality.equals(detail.getString("modality"))) {
        count += Jsons.number(detail, "tokenCount");
      }
    }
    return count;
  }

  public static JsonObject toJson(Usage usage) {
    JsonObject metadata = new JsonObject()
        .put("promptTokenCount", usage.inputTokens())
        .put("candidatesTokenCount", Math.max(0, usage.outputTokens() - usage.reasoningTokens()))
        .put("totalTokenCount", usage.totalTokens());
    if (usage.reasoningTokens() > 0) {
      metadata.put("thoughtsTokenCount", usage.reasoningTokens());
    }
    if (usage.cachedTokens() > 0) {
      metadata.put("cachedContentTokenCount", usage.cachedTokens());
    }
    return metadata;
  }
}
