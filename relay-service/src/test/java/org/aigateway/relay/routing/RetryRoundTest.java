package org.aigateway.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.monitor.ModelHealth;
import org.aigateway.relay.routing.RetryPolicy.Next;
import org.aigateway.relay.routing.RetryRound.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryRoundTest {

  private static final long BASE = 100;
  private static final Channel A = channel(1, 0);
  private static final Channel B = channel(2, -1);

  private static Channel channel(int id, int priority) {
    return new Channel(id, 1, "c" + id, "k", "", List.of("m"), Map.of(), priority, 1, List.of("default"), 0, false, 0);
  }

  private static RetryRound round(List<Channel> candidates) {
    return new RetryRound(candidates, new RetryBackoff(null, BASE), ModelHealth.QUIET);
  }

  @Test
  @DisplayName("An untried channel comes first: moving on after 401-404 is free, a retry uses one up, without a pause")
  void untriedFirst() {
    RetryRound moved = round(List.of(A, B));
    moved.tried(A);
    assertThat(moved.after(A, 403, Next.MOVE_ON, 2)).contains(new Step(B, 2, 0));

    RetryRound retried = round(List.of(A, B));
    retried.tried(A);
    assertThat(retried.after(A, 429, Next.RETRY, 2)).contains(new Step(B, 1, 0));
  }

  @Test
  @DisplayName("Exhausted: the failed channel with permission and the fewest failures is tried again, never a refused one")
  void exhausted() {
    RetryRound round = round(List.of(A, B));
    round.tried(A);
    round.tried(B);
    round.after(A, 500, Next.RETRY, 3);

    Step next = round.after(B, 500, Next.RETRY, 2).orElseThrow();
    assertThat(next.channel()).isEqualTo(A);
    assertThat(next.retriesLeft()).isEqualTo(1);
    assertThat(next.delayMs()).isZero();

    RetryRound refused = round(List.of(A, B));
    refused.tried(A);
    refused.tried(B);
    refused.after(A, 401, Next.MOVE_ON, 3);
    assertThat(refused.after(B, 502, Next.RETRY, 3).orElseThrow().channel()).isEqualTo(B);
  }

  @Test
  @DisplayName("Exhausted with no retry left, or no channel that had permission, ends the loop")
  void exhaustedEnds() {
    RetryRound noRetries = round(List.of(A));
    noRetries.tried(A);
    assertThat(noRetries.after(A, 404, Next.MOVE_ON, 0)).isEmpty();

    RetryRound onlyRefused = round(List.of(A));
    onlyRefused.tried(A);
    assertThat(onlyRefused.after(A, 401, Next.MOVE_ON, 2)).isEmpty();
  }

  @RepeatedTest(20)
  @DisplayName("After 429/503 the same channel waits failures × base plus 0-base of jitter, at most 5 × base")
  void backoffOnSameChannel() {
    RetryRound round = round(List.of(A));
    round.tried(A);
    long first = round.after(A, 429, Next.RETRY, 9).orElseThrow().delayMs();
    long second = round.after(A, 503, Next.RETRY, 8).orElseThrow().delayMs();
    for (int failures = 3; failures < 6; failures++) {
      round.after(A, 429, Next.RETRY, 9);
    }
    long capped = round.after(A, 429, Next.RETRY, 9).orElseThrow().delayMs();

    assertThat(first).isBetween(BASE, 2 * BASE);
    assertThat(second).isBetween(2 * BASE, 3 * BASE);
    assertThat(capped).isEqualTo(5 * BASE);
    assertThat(round.after(A, 500, Next.RETRY, 9).orElseThrow().delayMs()).isZero();
  }
}
