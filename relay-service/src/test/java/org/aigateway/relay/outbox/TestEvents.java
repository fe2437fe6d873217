package org.aigateway.relay.outbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Usage;

/** Real usage events as the relay builds them, differing only by request id. */
final class TestEvents {

  private static final Price PRICE = Price.perThousand(new BigDecimal("0.002"), new BigDecimal("0.006"));

  private TestEvents() {
  }

  static RelayCompleted event(String requestId) {
    long now = System.currentTimeMillis();
    Usage usage = new Usage(1200, 340, 200, 0, 40, 1540);
    return new RelayCompleted(requestId, now, 120, 900, "group-a", 7, "token-a", 3,
        "gpt-4o", "gpt-4o-2024-08-06", Mode.CHAT_COMPLETIONS.number(), "/v1/chat/completions", 200,
        true, "10.0.0.8", "chatcmpl-" + requestId, usage, false, false, PRICE,
        Pricing.amount(usage, PRICE, 200), null, List.of(new Attempt(3, 200, now, 880, null)),
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo\\n\"}]}", null);
  }

  static List<RelayCompleted> events(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> event(prefix + "-" + i)).toList();
  }

  static List<String> ids(List<RelayCompleted> events) {
    return events.stream().map(RelayCompleted::requestId).toList();
  }
}
