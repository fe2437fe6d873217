package org.aigateway.log.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;

/** Reads a {@link UsageBatch} bus body (see {@link org.aigateway.protocol.event.UsageBatchCodec}) into events with distinct request ids. */
final class UsageBatches {

  private UsageBatches() {
  }

  /**
   * The batch's events, the first of each request id only, ordered by request id: concurrent batches
   * sharing request ids (a redelivery overtaking a slow first delivery) then take their rows in the same
   * order, where opposite orders deadlock.
   *
   * @throws IllegalArgumentException (or another runtime exception) when the body is not a valid batch
   */
  static List<RelayCompleted> decode(Object body) {
    if (!(body instanceof UsageBatch batch)) {
      throw new IllegalArgumentException("body must be a usage batch");
    }
    Map<String, RelayCompleted> distinct = new LinkedHashMap<>();
    for (RelayCompleted event : batch.events()) {
      if (event.requestId() == null || event.requestId().isBlank()) {
        throw new IllegalArgumentException("event without request_id");
      }
      distinct.putIfAbsent(event.requestId(), event);
    }
    List<RelayCompleted> events = new ArrayList<>(distinct.values());
    events.sort(Comparator.comparing(RelayCompleted::requestId));
    return events;
  }
}
