package org.aigateway.relay.quota;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.usage.PromptTokens;

/**
 * What a request is expected to use and cost before it runs: its input tokens as the gateway counts
 * them, plus its output limit ({@code max_completion_tokens}, {@code max_tokens},
 * {@code max_output_tokens} or Gemini's {@code maxOutputTokens}) or, without one, the configured
 * allowance for modes that generate text; priced with the one pricing formula as a successful call
 * at the request's arrival time. Counting tokens costs CPU, so nothing is counted until asked for.
 */
final class CostEstimate {

  private static final String[] OUTPUT_LIMITS = {"max_completion_tokens", "max_tokens", "max_output_tokens"};

  private final PromptTokens prompts;
  private final RelayRequest request;
  private final ModelConfig config;
  private final long outputAllowance;

  CostEstimate(PromptTokens prompts, RelayRequest request, ModelConfig config, long outputAllowance) {
    this.prompts = prompts;
    this.request = request;
    this.config = config;
    this.outputAllowance = outputAllowance;
  }

  long inputTokens() {
    return prompts.count();
  }

  long outputTokens() {
    JsonObject body = request.body();
    for (String field : OUTPUT_LIMITS) {
      if (body.getValue(field) instanceof Number limit && limit.longValue() > 0) {
        return limit.longValue();
      }
    }
    if (body.getValue("generationConfig") instanceof JsonObject generation
        && generation.getValue("maxOutputTokens") instanceof Number limit && limit.longValue() > 0) {
      return limit.longValue();
    }
    return generatesText(request.mode()) ? outputAllowance : 0;
  }

  /** The amount the request would cost; zero for a free model, without counting anything. */
  BigDecimal amount() {
    Price price = config == null ? Price.FREE : config.price();
    if (free(price)) {
      return BigDecimal.ZERO;
    }
    if (price.perRequestPrice().signum() != 0) {
      return Pricing.amount(Usage.ZERO, price, 200, request.requestAt()).total();
    }
    return Pricing.amount(Usage.of(inputTokens(), outputTokens()), price, 200, request.requestAt()).total();
  }

  private static boolean free(Price p) {
    return p.perRequestPrice().signum() == 0 && p.conditionalPrices().isEmpty() && !p.input().isSet()
        && !p.imageInput().isSet() && !p.audioInput().isSet() && !p.output().isSet() && !p.imageOutput().isSet()
        && !p.thinkingModeOutput().isSet() && !p.cached().isSet() && !p.cacheCreation().isSet()
        && !p.webSearch().isSet();
  }

  private static boolean generatesText(Mode mode) {
    return switch (mode) {
      case CHAT_COMPLETIONS, COMPLETIONS, ANTHROPIC, GEMINI, RESPONSES -> true;
      default -> false;
    };
  }
}
