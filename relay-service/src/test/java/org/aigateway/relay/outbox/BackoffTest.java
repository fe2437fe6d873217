package org.aigateway.relay.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  @DisplayName("Retry delays double from about 100 ms, stay under the cap and start over after a success")
  void growsToCapAndResets() {
    Backoff backoff = new Backoff(1_000);

    assertThat(backoff.next()).isBetween(50L, 100L);
    assertThat(backoff.next()).isBetween(100L, 200L);
    assertThat(backoff.next()).isBetween(200L, 400L);
    assertThat(backoff.next()).isBetween(400L, 800L);
    for (int i = 0; i < 40; i++) {
      assertThat(backoff.next()).isBetween(500L, 1_000L);
    }
    backoff.reset();
    assertThat(backoff.next()).isBetween(50L, 100L);
  }
}
