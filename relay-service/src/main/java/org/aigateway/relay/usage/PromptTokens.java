package org.aigateway.relay.usage;

import org.aigateway.relay.adaptor.RelayRequest;

/**
 * The input tokens of one request as {@link PromptEstimator} counts them, counted at most once and
 * only when first asked: admission (cost, TPM) and the upstream timeouts share the count.
 */
public final class PromptTokens {

  private final PromptEstimator estimator;
  private final RelayRequest request;
  private long count = -1;

  public PromptTokens(PromptEstimator estimator, RelayRequest request) {
    this.estimator = estimator;
    this.request = request;
  }

  /**
   * Whether the count exceeds {@code tokens}. A request whose upper bound (see
   * {@link PromptEstimator#upperBound}) is within it is answered without tokenizing: the timeout
   * table asks this of every chat request, and counting is a tenth of a small request's CPU.
   */
  public boolean exceeds(long tokens) {
    if (count < 0 && estimator.upperBound(request.mode(), request.body(), request.rawBody()) <= tokens) {
      return false;
    }
    return count() > tokens;
  }

  public long count() {
    if (count < 0) {
      count = Math.max(0, estimator.estimate(request.mode(), request.model(), request.body()));
    }
    return count;
  }
}
