package org.aigateway.relay.usage;

import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayRequest;

/**
 * Settles the usage of a call: the upstream's report when it has one, else the gateway's own count
 * (request-side estimate for the input, the delivered text for the output), marked as estimated.
 */
public final class UsageCounter {

  private final TokenCounter tokens;
  private final PromptEstimator prompts;

  public UsageCounter(TokenCounter tokens) {
    this.tokens = tokens;
    this.prompts = new PromptEstimator(tokens);
  }

  /** A usage and whether the gateway counted it. */
  public record Counted(Usage usage, boolean estimated) {
  }

  /** The input tokens the gateway counts for {@code request}, read in its own protocol. */
  public long estimatePrompt(RelayRequest request, String model) {
    return prompts.estimate(request.mode(), model, request.body());
  }

  /**
   * @param reported        the upstream's usage, {@code null} when it sent none
   * @param completionText  the text the upstream produced (delivered so far, for a broken stream)
   */
  public Counted settle(RelayRequest request, String model, Usage reported, CharSequence completionText) {
    if (reported != null && (reported.inputTokens() > 0 || reported.outputTokens() > 0)) {
      return new Counted(reported, false);
    }
    long prompt = prompts.estimate(request.mode(), model, request.body());
    if (reported != null && reported.totalTokens() > 0) {
      long completion = Math.max(0, reported.totalTokens() - prompt);
      return new Counted(new Usage(prompt, completion, 0, 0, 0, prompt + completion), true);
    }
    long completion = tokens.count(model, completionText == null ? "" : completionText.toString());
    return new Counted(Usage.of(prompt, completion), true);
  }

  /**
   * The usage of a stream cut short: as {@link #settle}, but never fewer output tokens than the text
   * delivered, since an upstream's running report lags behind its text (Anthropic's
   * {@code message_start} says one output token until {@code message_delta} gives the real count).
   */
  public Counted settleTruncated(RelayRequest request, String model, Usage reported, CharSequence deliveredText) {
    Counted settled = settle(request, model, reported, deliveredText);
    if (settled.estimated()) {
      return settled;
    }
    Usage usage = settled.usage();
    long delivered = tokens.count(model, deliveredText == null ? "" : deliveredText.toString());
    if (delivered <= usage.outputTokens()) {
      return settled;
    }
    return new Counted(new Usage(usage.inputTokens(), delivered, usage.cachedTokens(), usage.cacheCreationTokens(),
        usage.reasoningTokens(), usage.totalTokens() - usage.outputTokens() + delivered, usage.imageInputTokens(),
        usage.audioInputTokens(), usage.imageOutputTokens(), usage.webSearchCount()), true);
  }
}
