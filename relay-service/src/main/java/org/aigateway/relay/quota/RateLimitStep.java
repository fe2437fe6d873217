package org.aigateway.relay.quota;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.List;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Token;
import org.aigateway.relay.error.AdmissionErrors;
import org.aigateway.relay.limit.LimitDecision;
import org.aigateway.relay.limit.LimitKey;
import org.aigateway.relay.limit.LimitKind;
import org.aigateway.relay.limit.Quota;
import org.aigateway.relay.limit.RateLimitHeaders;
import org.aigateway.relay.limit.RateLimiter;
import org.aigateway.relay.limit.Reservation;

/**
 * The RPM/TPM part of admission: the key's own limits (over all its models), then the group × model
 * limits. The key's limit is checked first because it is the narrower one: the limiter cannot give a
 * request slot back, so when the group then refuses, only the key's token reservation is returned and
 * one of the key's request slots stays used. The {@code X-RateLimit-*} headers show the tighter state
 * of each kind.
 */
final class RateLimitStep {

  /** The model part of a key's own limit: it spans all the key's models. */
  static final String ALL_MODELS = "*";

  private final RateLimiter limiter;

  RateLimitStep(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /** What one limiter call checks; both limits 0 is no limit. */
  record Limit(LimitKey key, long rpm, long tpm) {

    static final Limit NONE = new Limit(null, 0, 0);

    /** The token's own limit, keyed by its id (a name can change) and {@link #ALL_MODELS}. */
    static Limit of(Token token) {
      return new Limit(LimitKey.of(token.group(), ALL_MODELS, Long.toString(token.id())), token.rpm(), token.tpm());
    }

    boolean unlimited() {
      return rpm <= 0 && tpm <= 0;
    }
  }

  Future<Admitted> admit(ModelConfig effective, Limit token, Limit group, CostEstimate estimate, MultiMap headers) {
    if (token.unlimited() && group.unlimited()) {
      return Future.succeededFuture(Admitted.unlimited(effective));
    }
    return check(token, estimate).compose(byToken -> {
      if (!byToken.allowed()) {
        return refuse(byToken, headers);
      }
      return check(group, estimate).compose(byGroup -> {
        LimitDecision shown = tighter(byToken, byGroup);
        if (!byGroup.allowed()) {
          new Admitted(effective, limiter, List.of(hold(token, byToken))).release();
          return refuse(shown, headers);
        }
        RateLimitHeaders.apply(shown, headers);
        return Future.succeededFuture(
            new Admitted(effective, limiter, List.of(hold(token, byToken), hold(group, byGroup))));
      });
    });
  }

  private Future<LimitDecision> check(Limit limit, CostEstimate estimate) {
    if (limit.unlimited()) {
      return Future.succeededFuture(LimitDecision.unlimited());
    }
    return limiter.admit(limit.key(), limit.rpm(), limit.tpm(), limit.tpm() > 0 ? estimate.inputTokens() : 0);
  }

  private static Future<Admitted> refuse(LimitDecision decision, MultiMap headers) {
    RateLimitHeaders.apply(decision, headers);
    return Future.failedFuture(AdmissionErrors.rateLimited(decision.rejectedBy()));
  }

  private static Admitted.Hold hold(Limit limit, LimitDecision decision) {
    return new Admitted.Hold(limit.key(), decision.reservation());
  }

  /**
   * One decision for the headers: refused when either refused, each kind showing the limit with less
   * remaining (the later reset on a tie), the refusing limit for the kind that refused.
   */
  static LimitDecision tighter(LimitDecision a, LimitDecision b) {
    LimitDecision refusing = a.allowed() ? b : a;
    LimitKind rejectedBy = refusing.rejectedBy();
    return new LimitDecision(rejectedBy == null, rejectedBy,
        pick(LimitKind.REQUESTS, a, b, refusing), pick(LimitKind.TOKENS, a, b, refusing), Reservation.NONE);
  }

  private static Quota pick(LimitKind kind, LimitDecision a, LimitDecision b, LimitDecision refusing) {
    if (kind == refusing.rejectedBy()) {
      return refusing.quota(kind);
    }
    Quota x = a.quota(kind);
    Quota y = b.quota(kind);
    if (x.unlimited() || y.unlimited()) {
      return x.unlimited() ? y : x;
    }
    if (x.remaining() != y.remaining()) {
      return x.remaining() < y.remaining() ? x : y;
    }
    return x.resetSeconds() >= y.resetSeconds() ? x : y;
  }
}
