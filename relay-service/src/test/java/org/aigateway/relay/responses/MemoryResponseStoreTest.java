package org.aigateway.relay.responses;

import static org.assertj.core.api.Assertions.assertThat;

import org.aigateway.relay.limit.MutableClock;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemoryResponseStoreTest {

  private static final StoredResponse STORED = new StoredResponse(7, "team", "gpt-4o");

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);

  @Test
  @DisplayName("An entry is found until its time to live has passed")
  void expires() {
    MemoryResponseStore store = new MemoryResponseStore(new ResponseStoreConfig(60, 10), clock);
    store.put("resp_1", STORED);

    clock.advance(59_999);
    assertThat(Await.result(store.get("resp_1"))).isEqualTo(STORED);
    clock.advance(1);
    assertThat(Await.result(store.get("resp_1"))).isNull();
  }

  @Test
  @DisplayName("Beyond the entry limit the oldest entries are dropped first; removed entries are gone")
  void bounded() {
    MemoryResponseStore store = new MemoryResponseStore(new ResponseStoreConfig(60, 2), clock);
    store.put("resp_1", STORED);
    store.put("resp_2", STORED);
    store.put("resp_3", STORED);
    store.remove("resp_3");

    assertThat(Await.result(store.get("resp_1"))).isNull();
    assertThat(Await.result(store.get("resp_2"))).isEqualTo(STORED);
    assertThat(Await.result(store.get("resp_3"))).isNull();
  }

  @Test
  @DisplayName("The billing of a stored response is claimed once; an unknown or expired response cannot be claimed")
  void billingClaimedOnce() {
    MemoryResponseStore store = new MemoryResponseStore(new ResponseStoreConfig(60, 10), clock);
    store.put("resp_1", STORED);
    store.put("resp_2", STORED);

    assertThat(Await.result(store.claimBilling("resp_1"))).isTrue();
    assertThat(Await.result(store.claimBilling("resp_1"))).isFalse();
    assertThat(Await.result(store.claimBilling("resp_unknown"))).isFalse();
    assertThat(Await.result(store.get("resp_1"))).isEqualTo(STORED);
    clock.advance(60_000);
    assertThat(Await.result(store.claimBilling("resp_2"))).isFalse();
  }
}
