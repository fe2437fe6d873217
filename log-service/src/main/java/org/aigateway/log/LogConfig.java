package org.aigateway.log;

import org.aigateway.protocol.config.Settings;

/**
 * Settings of log-service, read once at start.
 *
 * @param dsn      the log database: {@code LOG_SQL_DSN}, else {@code SQL_DSN}
 * @param port     {@code LOG_PORT}: -1 for no HTTP server, 0 for a random port
 * @param migrate  apply the schema at start (false when {@code DISABLE_AUTO_MIGRATE_DB=true})
 * @param poolSize {@code LOG_DB_POOL_SIZE}, connections to the log database
 */
public record LogConfig(String dsn, int port, boolean migrate, int poolSize) {

  static final int DEFAULT_PORT = 3004;
  static final int DEFAULT_POOL_SIZE = 8;

  public static LogConfig from(Settings settings) {
    return new LogConfig(
        settings.string("LOG_SQL_DSN", settings.string("SQL_DSN", null)),
        settings.integer("LOG_PORT", DEFAULT_PORT),
        !settings.bool("DISABLE_AUTO_MIGRATE_DB", false),
        settings.integer("LOG_DB_POOL_SIZE", DEFAULT_POOL_SIZE));
  }
}
