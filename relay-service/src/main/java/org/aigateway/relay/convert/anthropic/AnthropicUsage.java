package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.Usages;

/**
 * Anthropic's {@code usage} object. Anthropic counts cache reads and writes apart from
 * {@code input_tokens}; the gateway's input is their sum, with cached = cache reads and cache
 * creation = cache writes; web searches come from {@code server_tool_use.web_search_requests}.
 * Writing reverses the split.
 */
public final class AnthropicUsage {

  private AnthropicUsage() {
  }

  public static Usage parse(JsonObject usage) {
    long cacheRead = Jsons.number(usage, "cache_read_input_tokens");
    long cacheCreation = Jsons.number(usage, "cache_creation_input_tokens");
    long input = Jsons.number(usage, "input_tokens") + cacheRead + cacheCreation;
    long output = Jsons.number(usage, "output_tokens");
    long searches = Jsons.number(Jsons.object(usage, "server_tool_use"), "web_search_requests");
    return Usages.of(input, output, cacheRead, cacheCreation, 0, input + output,
        new Usages.Media(0, 0, 0, searches));
  }

  public static JsonObject toJson(Usage usage) {
    long uncached = Math.max(0, usage.inputTokens() - usage.cachedTokens() - usage.cacheCreationTokens());
    JsonObject json = new JsonObject()
        .put("input_tokens", uncached)
        .put("cache_creation_input_tokens", usage.cacheCreationTokens())
        .put("cache_read_input_tokens", usage.cachedTokens())
        .put("output_tokens", usage.outputTokens());
    if (usage.webSearchCount() > 0) {
      json.put("server_tool_use", new JsonObject().put("web_search_requests", usage.webSearchCount()));
    }
    return json;
  }
}
