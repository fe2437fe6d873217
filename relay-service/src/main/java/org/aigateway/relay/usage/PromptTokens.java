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

  public long count() {
    if (count < 0) {
      count = Math.max(0, estimator.estimate(request.mode(), request.model(), request.body()));
    }
    return count;
  }
}
