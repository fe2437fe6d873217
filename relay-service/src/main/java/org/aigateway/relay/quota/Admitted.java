package org.aigateway.relay.quota;

import java.util.List;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.limit.LimitKey;
import org.aigateway.relay.limit.RateLimiter;
import org.aigateway.relay.limit.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that passed admission: the model config in effect for its group (overrides applied), and
 * the tokens it reserved in its TPM windows (the key's own and group × model), which {@link #settle}
 * corrects to the real usage once, whatever the outcome (a failure or a client that left before the
 * upstream answered used nothing).
 */
public final class Admitted {

  private static final Logger LOG = LoggerFactory.getLogger(Admitted.class);

  private final ModelConfig modelConfig;
  private final RateLimiter limiter;
  private final List<Hold> holds;
  private boolean settled;

  /** One limit's key and what the request reserved in its token window. */
  record Hold(LimitKey key, Reservation reservation) {
  }

  Admitted(ModelConfig modelConfig, RateLimiter limiter, List<Hold> holds) {
    this.modelConfig = modelConfig;
    this.limiter = limiter;
    this.holds = holds;
  }

  /** Admitted without a reservation (internal callers, models without limits). */
  static Admitted unlimited(ModelConfig modelConfig) {
    return new Admitted(modelConfig, null, List.of());
  }

  /** The model config in effect: the model's, with the group's overrides; {@code null} when it has none. */
  public ModelConfig modelConfig() {
    return modelConfig;
  }

  /** Corrects the reservation to the tokens the request really used; later calls do nothing. */
  public void settle(RelayResult result) {
    settle(result == null ? Usage.ZERO : result.usage());
  }

  /** Gives the whole reservation back: the request ended before using any token. */
  public void release() {
    settle(Usage.ZERO);
  }

  public void settle(Usage usage) {
    if (settled) {
      return;
    }
    settled = true;
    long actual = usage == null ? 0 : usage.inputTokens() + usage.outputTokens();
    for (Hold hold : holds) {
      if (hold.reservation().store() != Reservation.Store.NONE) {
        limiter.reconcile(hold.key(), hold.reservation(), actual)
            .onFailure(err -> LOG.warn("Could not reconcile the token reservation of {}", hold.key(), err));
      }
    }
  }
}
