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
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.limit.LimitKey;
import org.aigateway.relay.limit.RateLimiter;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.relay.usage.PromptTokens;

/**
 * Decides whether a resolved request may run, after the model is known: first the key's quotas and
 * the group's balance against the request's estimated cost ({@link SpendCheck}), then the RPM and
 * TPM limits of group × model (the model config's, or the group's override, × the group's ratios ×
 * the consume-level ratio of its total spend), which reserve the estimated input tokens, together with
 * the key's own RPM/TPM over all its models ({@link RateLimitStep}). Internal callers skip all of it;
 * groups of status internal skip the group balance and the group × model limits, not their keys' own.
 */
public final class Admission {

  private final SnapshotStore store;
  private final BalanceBook book;
  private final RateLimiter limiter;
  private final QuotaConfig config;
  private final Clock clock;
  private final SpendCheck spend;
  private final RateLimitStep limits;

  public Admission(SnapshotStore store, BalanceBook book, RateLimiter limiter, QuotaConfig config, Clock clock) {
    this.store = store;
    this.book = book;
    this.limiter = limiter;
    this.config = config;
    this.clock = clock;
    this.spend = new SpendCheck(book, config.groupMinBalance());
    this.limits = new RateLimitStep(limiter);
  }

  /**
   * Admits the request or fails with the refusal ({@link RelayException}); sets the
   * {@code X-RateLimit-*} headers of the limits that apply on {@code headers} either way.
   *
   * @param prompts the request's input tokens, counted only if a check needs them
   * @param base    the model's own config, {@code null} when model configs are disabled and it has none
   */
  public Future<Admitted> admit(Caller caller, RelayRequest request, PromptTokens prompts, ModelConfig base,
                                MultiMap headers) {
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
    RateLimitStep.Limit group = groupLimit(caller.group(), request.model(), effective);
    return limits.admit(effective, RateLimitStep.Limit.of(caller.token()), group, estimate, headers);
  }

  /** The model config with the group's overrides; an override of a model without a config applies to a blank one. */
  ModelConfig effective(Group group, String model, ModelConfig base) {
    GroupModelConfig override = store.current().groupModelConfig(group.id(), model);
    if (override == null) {
      return base;
    }
    return override.applyTo(base != null ? base : blank(model));
  }

  private RateLimitStep.Limit groupLimit(Group group, String model, ModelConfig effective) {
    if (effective == null || group.status() == Status.INTERNAL) {
      return RateLimitStep.Limit.NONE;
    }
    double level = config.consumeLevelRatio().ratio(book.groupUsed(group.id()));
    long rpm = ConsumeLevelRatio.effectiveLimit(effective.rpm(), group.rpmRatio(), level);
    long tpm = ConsumeLevelRatio.effectiveLimit(effective.tpm(), group.tpmRatio(), level);
    return new RateLimitStep.Limit(LimitKey.of(group.id(), model), rpm, tpm);
  }

  private static ModelConfig blank(String model) {
    return new ModelConfig(model, "", 0, 0, 0, 0, new JsonObject(), Price.FREE, new JsonObject(), new JsonObject(),
        0, 0);
  }
}
