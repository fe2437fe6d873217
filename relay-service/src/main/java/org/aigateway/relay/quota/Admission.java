package org.aigateway.relay.quota;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.aigateway.protocol.model.ConsumeLevelRatio;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.AdmissionErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.limit.LimitKey;
import org.aigateway.relay.limit.RateLimitHeaders;
import org.aigateway.relay.limit.RateLimiter;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.PromptEstimator;

/**
 * Decides whether a resolved request may run, after the model is known: first the key's quotas and
 * the group's balance against the request's estimated cost ({@link SpendCheck}), then the RPM and
 * TPM limits of group × model (the model config's, or the group's override, × the group's ratios ×
 * the consume-level ratio of its total spend), which reserve the estimated input tokens. Internal
 * callers skip all of it; groups of status internal skip the group balance and the limits. Keys have no limits of their own yet, so there is no per-key limit.
 */
public final class Admission {

  private final SnapshotStore store;
  private final BalanceBook book;
  private final RateLimiter limiter;
  private final PromptEstimator prompts;
  private final QuotaConfig config;
  private final Clock clock;
  private final SpendCheck spend;

  public Admission(SnapshotStore store, BalanceBook book, RateLimiter limiter, PromptEstimator prompts,
                   QuotaConfig config, Clock clock) {
    this.store = store;
    this.book = book;
    this.limiter = limiter;
    this.prompts = prompts;
    this.config = config;
    this.clock = clock;
    this.spend = new SpendCheck(book, config.groupMinBalance());
  }

  /**
   * Admits the request or fails with the refusal ({@link RelayException}); sets the
   * {@code X-RateLimit-*} headers of the limits that apply on {@code headers} either way.
   *
   * @param base the model's own config, {@code null} when model configs are disabled and it has none
   */
  public Future<Admitted> admit(Caller caller, RelayRequest request, ModelConfig base, MultiMap headers) {
    if (caller.internal()) {
      return Future.succeededFuture(Admitted.unlimited(base));
    }
    ModelConfig effective = effective(caller.group(), request.model(), base);
    CostEstimate estimate = new CostEstimate(prompts, request, effective, config.estimateOutputTokens());
    try {
      spend.check(caller.token(), caller.group(), estimate, clock.millis());
    } catch (RelayException e) {
      return Future.failedFuture(e);
    }
    return limit(caller.group(), request.model(), effective, estimate, headers);
  }

  /** The model config with the group's overrides; an override of a model without a config applies to a blank one. */
  ModelConfig effective(Group group, String model, ModelConfig base) {
    GroupModelConfig override = store.current().groupModelConfig(group.id(), model);
    if (override == null) {
      return base;
    }
    return override.applyTo(base != null ? base : blank(model));
  }

  private Future<Admitted> limit(Group group, String model, ModelConfig effective, CostEstimate estimate,
                                 MultiMap headers) {
    double level = config.consumeLevelRatio().ratio(book.groupUsed(group.id()));
    long rpm = effective == null ? 0 : ConsumeLevelRatio.effectiveLimit(effective.rpm(), group.rpmRatio(), level);
    long tpm = effective == null ? 0 : ConsumeLevelRatio.effectiveLimit(effective.tpm(), group.tpmRatio(), level);
    if ((rpm == 0 && tpm == 0) || group.status() == Status.INTERNAL) {
      return Future.succeededFuture(Admitted.unlimited(effective));
    }
    LimitKey key = LimitKey.of(group.id(), model);
    long reserve = tpm > 0 ? estimate.inputTokens() : 0;
    return limiter.admit(key, rpm, tpm, reserve).compose(decision -> {
      RateLimitHeaders.apply(decision, headers);
      if (!decision.allowed()) {
        return Future.failedFuture(AdmissionErrors.rateLimited(decision.rejectedBy()));
      }
      return Future.succeededFuture(new Admitted(effective, limiter, key, decision.reservation()));
    });
  }

  private static ModelConfig blank(String model) {
    return new ModelConfig(model, "", 0, 0, 0, 0, new JsonObject(), Price.FREE, new JsonObject(), new JsonObject(),
        0, 0);
  }
}
