package org.aigateway.relay.monitor;

import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.model.Channel;

/**
 * Settings of the channel monitor, its bans and circuit breakers.
 *
 * @param autoBan          ENABLE_MODEL_ERROR_AUTO_BAN: ban by error rate channels that set no {@code max_error_rate}
 * @param autoBanRate      MODEL_ERROR_AUTO_BAN_RATE: the error rate of that global rule
 * @param banMs            CHANNEL_BAN_SECONDS: how long a ban lasts (±10 % jitter), renewed by failures while banned
 * @param probeIntervalMs  CHANNEL_PROBE_INTERVAL_MS: how often each banned (model, channel) is probed
 * @param probeTimeoutMs   CHANNEL_PROBE_TIMEOUT_SECONDS: the longest a probe request may take
 * @param cacheMs          CHANNEL_MONITOR_CACHE_MS: how old the error rates and bans used to pick a channel may be
 * @param redisKeyPrefix   CHANNEL_MONITOR_REDIS_KEY_PREFIX: prefix of the monitor's keys in Redis
 * @param breakerFailures  CIRCUIT_BREAKER_FAILURES: consecutive failures that open a (model, channel)'s breaker; 0 off
 * @param breakerResetMs   CIRCUIT_BREAKER_RESET_MS: how long a breaker stays open before one call may try it
 */
public record MonitorConfig(boolean autoBan, double autoBanRate, long banMs, long probeIntervalMs,
                           long probeTimeoutMs, long cacheMs, String redisKeyPrefix, int breakerFailures,
                           long breakerResetMs) {

  public MonitorConfig {
    if (autoBanRate <= 0 || autoBanRate > 1) {
      throw new IllegalArgumentException("MODEL_ERROR_AUTO_BAN_RATE must be in (0, 1], got " + autoBanRate);
    }
    if (banMs <= 0 || probeIntervalMs <= 0 || probeTimeoutMs <= 0) {
      throw new IllegalArgumentException("CHANNEL_BAN_SECONDS, CHANNEL_PROBE_INTERVAL_MS and "
          + "CHANNEL_PROBE_TIMEOUT_SECONDS must be positive");
    }
    if (cacheMs < 0 || breakerFailures < 0 || breakerResetMs <= 0) {
      throw new IllegalArgumentException("CHANNEL_MONITOR_CACHE_MS and CIRCUIT_BREAKER_FAILURES must not be "
          + "negative, CIRCUIT_BREAKER_RESET_MS must be positive");
    }
  }

  public static MonitorConfig from(Settings s) {
    return new MonitorConfig(
        s.bool("ENABLE_MODEL_ERROR_AUTO_BAN", false),
        s.doubleValue("MODEL_ERROR_AUTO_BAN_RATE", 0.3),
        s.longValue("CHANNEL_BAN_SECONDS", 300) * 1000,
        s.longValue("CHANNEL_PROBE_INTERVAL_MS", 30_000),
        s.longValue("CHANNEL_PROBE_TIMEOUT_SECONDS", 30) * 1000,
        s.longValue("CHANNEL_MONITOR_CACHE_MS", 2_000),
        s.string("CHANNEL_MONITOR_REDIS_KEY_PREFIX", "aigw:monitor:"),
        s.integer("CIRCUIT_BREAKER_FAILURES", 5),
        s.longValue("CIRCUIT_BREAKER_RESET_MS", 30_000));
  }

  /**
   * The error rate at which {@code channel}'s models are banned, 0 for never: the channel's own
   * {@code max_error_rate} when it sets one, else the global rule when enabled.
   */
  public double banRate(Channel channel) {
    if (channel.maxErrorRate() > 0) {
      return channel.maxErrorRate();
    }
    return autoBan ? autoBanRate : 0;
  }
}
