package org.aigateway.relay.error;

import org.aigateway.relay.limit.LimitErrors;
import org.aigateway.relay.limit.LimitKind;

/**
 * The refusals of the relay's admission checks, in OpenAI's error shape. Statuses: 503 for
 * maintenance ({@code DISABLE_SERVE}), 403 for a client outside the key's subnets, 429
 * {@code insufficient_quota} for a key whose quota or period quota is spent (OpenAI's answer to an
 * exhausted quota), 402 {@code group_balance_not_enough} for a group whose balance is spent (the
 * tenant must top up; SDKs do not retry a 402), 429 for a rate limit.
 */
public final class AdmissionErrors {

  public static final String INSUFFICIENT_QUOTA = "insufficient_quota";
  public static final String GROUP_BALANCE_NOT_ENOUGH = "group_balance_not_enough";

  private AdmissionErrors() {
  }

  public static RelayException maintenance() {
    return new RelayException(503, OpenAiErrors.SERVER, "service_under_maintenance", null,
        "service is under maintenance", null);
  }

  public static RelayException addressNotAllowed(String ip) {
    return new RelayException(403, OpenAiErrors.INVALID_REQUEST, "ip_not_allowed", null,
        "This API key may not be used from your IP address (" + ip + ").", null);
  }

  /** The key's total quota, its period quota, or what is left of either for this request's estimate. */
  public static RelayException quotaExhausted(String message) {
    return new RelayException(429, INSUFFICIENT_QUOTA, INSUFFICIENT_QUOTA, null, message, null);
  }

  public static RelayException groupBalanceNotEnough(String message) {
    return new RelayException(402, INSUFFICIENT_QUOTA, GROUP_BALANCE_NOT_ENOUGH, null, message, null);
  }

  public static RelayException rateLimited(LimitKind kind) {
    return new RelayException(LimitErrors.STATUS, LimitErrors.TYPE, LimitErrors.code(kind), null,
        LimitErrors.message(kind), null);
  }
}
