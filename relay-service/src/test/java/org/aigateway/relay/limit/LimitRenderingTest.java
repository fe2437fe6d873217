package org.aigateway.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LimitRenderingTest {

  @Test
  @DisplayName("An admitted request's decision renders the six X-RateLimit headers with Go-style reset durations")
  void headersWhenAllowed() {
    LimitDecision decision = new LimitDecision(true, null, new Quota(60, 59, 60), new Quota(10_000, 9_200, 12),
        new Reservation(1, 800, Reservation.Store.REDIS));

    assertThat(RateLimitHeaders.of(decision)).containsExactly(
        entry("X-RateLimit-Limit-Requests", "60"),
        entry("X-RateLimit-Remaining-Requests", "59"),
        entry("X-RateLimit-Reset-Requests", "1m0s"),
        entry("X-RateLimit-Limit-Tokens", "10000"),
        entry("X-RateLimit-Remaining-Tokens", "9200"),
        entry("X-RateLimit-Reset-Tokens", "12s"));
  }

  @Test
  @DisplayName("A refused request gets Retry-After from the refusing limit, and an unlimited dimension has no headers")
  void headersWhenRefused() {
    LimitDecision decision = new LimitDecision(false, LimitKind.TOKENS, Quota.UNLIMITED, new Quota(1_000, 100, 37),
        Reservation.NONE);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();

    RateLimitHeaders.apply(decision, headers);

    assertThat(headers.names()).containsExactlyInAnyOrder("X-RateLimit-Limit-Tokens",
        "X-RateLimit-Remaining-Tokens", "X-RateLimit-Reset-Tokens", "Retry-After");
    assertThat(headers.get("x-ratelimit-reset-tokens")).isEqualTo("37s");
    assertThat(headers.get("retry-after")).isEqualTo("37");
  }

  @Test
  @DisplayName("Reset durations read like Go's: 0s, 45s, 1m0s, 2m5s")
  void durations() {
    assertThat(Map.of(0L, "0s", 45L, "45s", 60L, "1m0s", 125L, "2m5s"))
        .allSatisfy((seconds, text) -> assertThat(RateLimitHeaders.duration(seconds)).isEqualTo(text));
  }

  @Test
  @DisplayName("The 429 bodies are OpenAI-shaped with the reference's messages, type aiproxy_error and a code per limit")
  void errorBodies() {
    assertThat(LimitErrors.body(LimitKind.REQUESTS)).isEqualTo(new JsonObject(
        "{\"error\":{\"message\":\"request rate limit exceeded, please try again later\","
            + "\"type\":\"aiproxy_error\",\"code\":\"request_rate_limit_exceeded\"}}"));
    assertThat(LimitErrors.body(LimitKind.TOKENS)).isEqualTo(new JsonObject(
        "{\"error\":{\"message\":\"request tpm limit exceeded, please try again later\","
            + "\"type\":\"aiproxy_error\",\"code\":\"request_tpm_limit_exceeded\"}}"));
    assertThat(LimitErrors.STATUS).isEqualTo(429);
  }

  @Test
  @DisplayName("Limit settings have defaults, take overrides and refuse a zero timeout")
  void config() {
    assertThat(LimitConfig.from(Settings.of(Map.of()))).isEqualTo(new LimitConfig(100, 1_000, "aigw:limit:", 32));
    assertThat(LimitConfig.from(Settings.of(Map.of("LIMIT_REDIS_TIMEOUT_MS", "50", "LIMIT_REDIS_RETRY_MS", "250",
        "LIMIT_REDIS_KEY_PREFIX", "x:", "LIMIT_REDIS_POOL_SIZE", "8")))).isEqualTo(new LimitConfig(50, 250, "x:", 8));
    assertThatThrownBy(() -> LimitConfig.from(Settings.of(Map.of("LIMIT_REDIS_TIMEOUT_MS", "0"))))
        .hasMessageContaining("LIMIT_REDIS_TIMEOUT_MS");
  }

  @Test
  @DisplayName("Limit keys keep their parts apart, so different groups and models never share a window")
  void keysAreUnambiguous() {
    assertThat(LimitKey.of("a|b", "c").id()).isNotEqualTo(LimitKey.of("a", "b|c").id());
    assertThat(LimitKey.of("g{1}", "m").id()).doesNotContain("{", "}");
    assertThat(LimitKey.of("g", "m", null)).isEqualTo(LimitKey.of("g", "m"));
  }
}
