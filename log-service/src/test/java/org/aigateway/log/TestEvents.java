package org.aigateway.log;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Usage;

/** Builds {@link RelayCompleted} events for tests, with plausible defaults. */
final class TestEvents {

  static final long BASE_TIME = 1_760_000_000_000L;

  private String requestId;
  private long requestAt = BASE_TIME;
  private String group = "g1";
  private long tokenId = 7;
  private String tokenName = "tok";
  private int channelId = 1;
  private String model = "gpt-4o";
  private int status = 200;
  private Amount amount = amount("0.5");
  private String content;
  private String requestBody;
  private String responseBody;
  private final List<Attempt> attempts = new ArrayList<>();

  private TestEvents(String requestId) {
    this.requestId = requestId;
  }

  static TestEvents event(String requestId) {
    return new TestEvents(requestId);
  }

  static Amount amount(String total) {
    BigDecimal value = new BigDecimal(total);
    return new Amount(value, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, value);
  }

  TestEvents at(long epochMs) {
    this.requestAt = epochMs;
    return this;
  }

  TestEvents group(String value) {
    this.group = value;
    return this;
  }

  TestEvents token(long id, String name) {
    this.tokenId = id;
    this.tokenName = name;
    return this;
  }

  TestEvents channel(int value) {
    this.channelId = value;
    return this;
  }

  TestEvents model(String value) {
    this.model = value;
    return this;
  }

  TestEvents status(int value, String error) {
    this.status = value;
    this.content = error;
    return this;
  }

  TestEvents amount(Amount value) {
    this.amount = value;
    return this;
  }

  TestEvents bodies(String request, String response) {
    this.requestBody = request;
    this.responseBody = response;
    return this;
  }

  TestEvents attempt(int channel, int attemptStatus, String error) {
    attempts.add(new Attempt(channel, attemptStatus, requestAt, 40, error));
    return this;
  }

  RelayCompleted build() {
    return new RelayCompleted(requestId, requestAt, 120, 900, group, tokenId, tokenName, channelId, model,
        model + "-mapped", 1, "/v1/chat/completions", status, true, "10.0.0.1", "up-" + requestId,
        new Usage(100, 20, 10, 5, 3, 120), false, false, Price.perThousand(new BigDecimal("0.002"),
        new BigDecimal("0.006")), amount, content, List.copyOf(attempts), requestBody, responseBody);
  }
}
