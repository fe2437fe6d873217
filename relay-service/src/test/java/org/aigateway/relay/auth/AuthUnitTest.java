package org.aigateway.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthUnitTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(value = {
      "Bearer sk-abc|abc", "bearer abc|abc", "sk-abc|abc", "abc|abc", "'  Bearer   sk-abc  '|abc", "|", "'Bearer '|",
      "Bearer|",
  }, delimiter = '|')
  @DisplayName("Bearer and sk- prefixes are stripped from the key")
  void normalise(String raw, String key) {
    assertThat(ApiKeys.normalise(raw)).isEqualTo(key == null ? "" : key);
  }

  @Test
  @DisplayName("Internal keys match the admin key or the internal token, never a blank one")
  void internalKeys() {
    InternalKeys keys = new InternalKeys("sk-admin", "");
    assertThat(keys.matches("admin")).isTrue();
    assertThat(keys.matches("")).isFalse();
    assertThat(keys.matches("other")).isFalse();
    assertThat(new InternalKeys("", "internal").matches("internal")).isTrue();
  }

  @Test
  @DisplayName("The negative cache forgets keys after its time to live and keeps at most its bound")
  void negativeCache() throws InterruptedException {
    NegativeCache cache = new NegativeCache(2, 60_000);
    cache.add("a");
    cache.add("b");
    cache.add("c");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.contains("a")).isFalse();
    assertThat(cache.contains("c")).isTrue();
    cache.clear();
    assertThat(cache.contains("c")).isFalse();

    NegativeCache shortLived = new NegativeCache(2, 1);
    shortLived.add("x");
    Thread.sleep(20);
    assertThat(shortLived.contains("x")).isFalse();
  }
}
