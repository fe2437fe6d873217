package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The circuit breaker of a (model, channel): {@code failing} has all the weight, {@code healthy}
 * (priority -1) serves only what the picker cannot give to it. 3 consecutive failures open the
 * breaker; after 2 s it lets one trial call through. Too few requests for an error rate, and no
 * ban rules, so only the breaker keeps the picker away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitBreakerApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer failing;
  private FakeOpenAiServer healthy;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    failing = harness.fake();
    healthy = harness.fake();
    harness.fixtures.group("breaker", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "breaker", List.of(), Status.ENABLED);
    harness.fixtures.chatModel("gpt-breaker", Fixtures.price("1", "2"));
    harness.fixtures.channel(1, failing.baseUrl(), "sk-a", List.of("gpt-breaker"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.channel(1, healthy.baseUrl(), "sk-b", List.of("gpt-breaker"), Map.of(), -1,
        Status.ENABLED, List.of("default"));
    harness.deploy(Map.of("RETRY_TIMES", 1, "CHANNEL_MONITOR_CACHE_MS", 0, "CIRCUIT_BREAKER_FAILURES", 3,
        "CIRCUIT_BREAKER_RESET_MS", 2_000));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private int chat() {
    return harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-breaker", "hi")).statusCode();
  }

  @Test
  @DisplayName("Consecutive failures open the breaker; half-open lets one call through, which reopens or closes it")
  void opensAndHalfOpens() {
    failing.behaviour().fail(500, "{\"error\":{\"message\":\"down\",\"type\":\"x\",\"param\":null,\"code\":\"x\"}}");
    for (int i = 0; i < 3; i++) {
      assertThat(chat()).isEqualTo(200);
    }
    assertThat(failing.requests()).hasSize(3);

    for (int i = 0; i < 5; i++) {
      assertThat(chat()).isEqualTo(200);
    }
    assertThat(failing.requests()).as("open: skipped").hasSize(3);

    Await.until(() -> {
      chat();
      return failing.requests().size() == 4;
    }, 10, "a trial call once half-open");
    for (int i = 0; i < 3; i++) {
      chat();
    }
    assertThat(failing.requests()).as("the failed trial reopened it").hasSize(4);

    failing.behaviour().reset();
    Await.until(() -> {
      chat();
      return failing.requests().size() == 5;
    }, 10, "the next trial call");
    for (int i = 0; i < 5; i++) {
      chat();
    }
    assertThat(failing.requests()).as("the successful trial closed it").hasSize(10);
  }
}
