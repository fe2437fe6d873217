package org.aigateway.relay;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.relay.pdf.PdfLimits;

/**
 * The relay's settings, read once at start.
 *
 * @param port                 RELAY_PORT: own HTTP port; -1 none (the launcher mounts the router), 0 random
 * @param sqlDsn               SQL_DSN: the database holding admin's configuration tables
 * @param sqlPoolSize          RELAY_DB_POOL_SIZE: connections for snapshot loads and key look-ups
 * @param redis                REDIS_CONN_STRING: optional; rate limits and the channel monitor shared by
 *                             replicas, pinged by /readyz
 * @param adminKey             ADMIN_KEY: a relay key equal to it is an internal caller
 * @param internalToken        INTERNAL_TOKEN: another internal caller key
 * @param retryTimes           RETRY_TIMES: extra attempts on other channels (a model's retry_times wins when > 0)
 * @param timeoutMs            RELAY_TIMEOUT_SECONDS: the longest an upstream call may take in total, whatever else
 * @param timeoutByModeMs      TIMEOUT_WITH_MODEL_TYPE: first-byte deadline per mode number, replacing the default table
 * @param streamIdleTimeoutMs  STREAM_IDLE_TIMEOUT_SECONDS: the longest silence between a stream's upstream chunks (0 none)
 * @param retryBackoffMs       RETRY_BACKOFF_BASE_MS: base of the pause before retrying a channel that answered 429/503
 * @param connectTimeoutMs     UPSTREAM_CONNECT_TIMEOUT_SECONDS: TCP and TLS connect limit
 * @param upstreamPoolSize     UPSTREAM_POOL_SIZE: HTTP/1 connections per upstream host
 * @param resyncMs             SNAPSHOT_RESYNC_SECONDS: period of the full configuration reload
 * @param disableModelConfig   DISABLE_MODEL_CONFIG: serve models without a model config, for free
 * @param multipartLimit       MULTIPART_BODY_LIMIT_MB: largest multipart/form-data body (uploads), held in memory
 * @param pdf                  PDF_MAX_SIZE_MB, PDF_MAX_PAGES: what the gateway extracts text from
 */
public record RelayConfig(int port, String sqlDsn, int sqlPoolSize, String redis, String adminKey,
                          String internalToken, int retryTimes, long timeoutMs, Map<Integer, Long> timeoutByModeMs,
                          long streamIdleTimeoutMs, long retryBackoffMs,
                          long connectTimeoutMs, int upstreamPoolSize, long resyncMs, boolean disableModelConfig,
                          long multipartLimit, PdfLimits pdf) {

  /** Largest request body accepted (the original's limit). */
  public static final long BODY_LIMIT = 50L * 1024 * 1024;

  public static RelayConfig from(Settings s) {
    return new RelayConfig(
        s.integer("RELAY_PORT", 3001),
        s.string("SQL_DSN", ""),
        s.integer("RELAY_DB_POOL_SIZE", 8),
        s.string("REDIS_CONN_STRING", ""),
        s.string("ADMIN_KEY", ""),
        s.string("INTERNAL_TOKEN", ""),
        s.integer("RETRY_TIMES", 0),
        s.longValue("RELAY_TIMEOUT_SECONDS", 1800) * 1000,
        timeoutsByMode(s.json("TIMEOUT_WITH_MODEL_TYPE")),
        s.longValue("STREAM_IDLE_TIMEOUT_SECONDS", 60) * 1000,
        s.longValue("RETRY_BACKOFF_BASE_MS", 1000),
        s.longValue("UPSTREAM_CONNECT_TIMEOUT_SECONDS", 10) * 1000,
        s.integer("UPSTREAM_POOL_SIZE", 1000),
        s.longValue("SNAPSHOT_RESYNC_SECONDS", 60) * 1000,
        s.bool("DISABLE_MODEL_CONFIG", false),
        s.longValue("MULTIPART_BODY_LIMIT_MB", 50) * 1024 * 1024,
        PdfLimits.from(s));
  }

  /** {@code {"<mode number>": seconds}} as milliseconds by mode number; a malformed entry stops the start. */
  static Map<Integer, Long> timeoutsByMode(JsonObject json) {
    Map<Integer, Long> byMode = new HashMap<>();
    json.forEach(entry -> {
      long seconds = entry.getValue() instanceof Number n ? n.longValue() : -1;
      if (!entry.getKey().strip().matches("\\d+") || seconds <= 0) {
        throw new IllegalArgumentException("TIMEOUT_WITH_MODEL_TYPE must map mode numbers to positive seconds, got "
            + entry.getKey() + ": " + entry.getValue());
      }
      byMode.put(Integer.parseInt(entry.getKey().strip()), seconds * 1000);
    });
    return Map.copyOf(byMode);
  }
}
