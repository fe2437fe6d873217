package org.aigateway.billing;

import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Usage;

/** Builds {@link RelayCompleted} events for billing tests. */
final class TestEvents {

  static final long BASE_TIME = 1_760_000_000_000L;

  private TestEvents() {
  }

  /** A successful request of {@code group} with {@code token} that cost {@code total}. */
  static RelayCompleted charge(String requestId, String group, long token, String total) {
    return new RelayCompleted(requestId, BASE_TIME, 120, 900, group, token, "tok-" + token, 1, "gpt-4o",
        "gpt-4o", 1, "/v1/chat/completions", 200, false, "10.0.0.1", "up-" + requestId, Usage.of(100, 20), false,
        false, Price.perThousand(new BigDecimal("0.002"), new BigDecimal("0.006")), amount(total), null,
        List.of(new Attempt(1, 200, BASE_TIME, 800, null)), null, null);
  }

  /** Like {@link #charge(String, String, long, String)}, at {@code requestAt} by a token with that period. */
  static RelayCompleted charge(String requestId, String group, long token, String total, long requestAt,
                               String periodType, long periodAnchor) {
    RelayCompleted e = charge(requestId, group, token, total);
    return new RelayCompleted(e.requestId(), requestAt, e.ttfbMs(), e.durationMs(), e.groupId(), e.tokenId(),
        e.tokenName(), e.channelId(), e.model(), e.actualModel(), e.mode(), e.endpoint(), e.status(), e.stream(),
        e.clientIp(), e.upstreamId(), e.usage(), e.usageEstimated(), e.truncated(), e.price(), e.amount(),
        e.content(), e.attempts(), e.requestBody(), e.responseBody(), periodType, periodAnchor);
  }

  static Amount amount(String total) {
    BigDecimal value = new BigDecimal(total);
    return new Amount(value, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, value);
  }
}
