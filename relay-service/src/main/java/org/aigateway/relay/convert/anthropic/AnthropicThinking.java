package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Jsons;
import org.aigateway.relay.convert.Reasoning;

/**
 * OpenAI {@code reasoning_effort} and Anthropic {@code thinking}, by the effort/budget table of
 * {@link Reasoning}. Anthropic's constraints are enforced on the converted body: a budget of at
 * least 1024, {@code max_tokens >= max(budget + 1, 2048)}, no temperature or top_k with thinking.
 */
final class AnthropicThinking {

  static final int MIN_BUDGET = 1024;
  private static final int MIN_MAX_TOKENS = 2048;

  private AnthropicThinking() {
  }

  /**
   * Enables thinking for an effort other than {@code none}, unless the conversation already holds
   * tool calls (Anthropic then wants the signed thinking blocks OpenAI clients cannot send back)
   * or the tool choice forces a tool (Anthropic refuses thinking with forced tool use).
   */
  static void toAnthropic(JsonObject chat, JsonObject out, boolean hasToolCalls) {
    String effort = Reasoning.effort(Jsons.string(chat, "reasoning_effort"));
    String choice = Jsons.string(Jsons.object(out, "tool_choice"), "type");
    boolean forcedTool = "any".equals(choice) || "tool".equals(choice);
    if (effort == null || Reasoning.NONE.equals(effort) || hasToolCalls || forcedTool) {
      return;
    }
    int budget = Math.max(MIN_BUDGET, Reasoning.budget(effort));
    long maxTokens = Math.max(Jsons.number(out, "max_tokens"), Math.max(budget + 1L, MIN_MAX_TOKENS));
    out.put("max_tokens", maxTokens)
        .put("thinking", new JsonObject().put("type", "enabled").put("budget_tokens", budget));
    out.remove("temperature");
    out.remove("top_k");
  }

  /**
   * Sets {@code reasoning_effort} from enabled or adaptive thinking: {@code output_config.effort}
   * first, else the budget's range, else {@code medium}. Disabled or absent thinking sets nothing,
   * so that models without reasoning support are not sent a parameter they reject.
   */
  static void toOpenAi(JsonObject request, JsonObject out) {
    JsonObject thinking = Jsons.object(request, "thinking");
    String type = thinking.getString("type", "disabled");
    if (!"enabled".equals(type) && !"adaptive".equals(type)) {
      return;
    }
    String effort = Reasoning.effort(Jsons.string(Jsons.object(request, "output_config"), "effort"));
    if (effort == null) {
      long budget = Jsons.number(thinking, "budget_tokens");
      effort = budget > 0 ? Reasoning.effortForBudget(budget) : Reasoning.MEDIUM;
    }
    out.put("reasoning_effort", effort);
  }
}
