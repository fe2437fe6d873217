package org.aigateway.billing.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.model.QuotaPeriod;

/**
 * What billing takes from one completed request: who pays how much, and in which of the token's
 * quota periods (the one containing the request's time). A token id of 0 marks an internal caller,
 * billed to its group only. Times are epoch milliseconds.
 */
record Charge(String requestId, long requestAt, String groupId, long tokenId, BigDecimal amount,
              QuotaPeriod period, long periodStart, long periodAnchor) {

  static Charge of(RelayCompleted event) {
    if (event.requestId() == null || event.requestId().isBlank()) {
      throw new IllegalArgumentException("event without request_id");
    }
    if (event.groupId() == null || event.groupId().isBlank()) {
      throw new IllegalArgumentException("event " + event.requestId() + " without group_id");
    }
    QuotaPeriod period = QuotaPeriod.of(event.tokenPeriodType());
    long anchor = event.tokenPeriodAnchor();
    return new Charge(event.requestId(), event.requestAt(), event.groupId(), event.tokenId(), event.amount().total(),
        period, period.start(anchor, event.requestAt()), anchor);
  }

  /**
   * The charges of a {@link UsageBatch} bus body, one per request id (the first wins), ordered by
   * request id so that concurrent batches lock ledger rows in the same order.
   *
   * @throws IllegalArgumentException (or another runtime exception) when the body is not a valid batch
   */
  static List<Charge> decode(Object body) {
    if (!(body instanceof UsageBatch batch)) {
      throw new IllegalArgumentException("body must be a usage batch");
    }
    Map<String, Charge> distinct = new LinkedHashMap<>();
    for (RelayCompleted event : batch.events()) {
      Charge charge = of(event);
      distinct.putIfAbsent(charge.requestId(), charge);
    }
    List<Charge> charges = new ArrayList<>(distinct.values());
    charges.sort(Comparator.comparing(Charge::requestId));
    return charges;
  }
}
