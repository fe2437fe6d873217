package org.aigateway.admin;

import org.aigateway.protocol.config.Settings;

/**
 * Admin-service settings, read once at start.
 *
 * @param sqlDsn              {@code SQL_DSN}, the database holding the config tables
 * @param poolSize            {@code ADMIN_DB_POOL_SIZE}, default 20
 * @param autoMigrate         false when {@code DISABLE_AUTO_MIGRATE_DB=true}
 * @param adminKey            {@code ADMIN_KEY}; empty means every admin call is refused
 * @param modelConfigDisabled {@code DISABLE_MODEL_CONFIG}: channels may serve models without a config
 * @param port                {@code ADMIN_PORT}, default 3002; -1 means no server of its own, 0 a random port
 * @param groupMaxTokenNum    {@code GROUP_MAX_TOKEN_NUM}, most tokens a group may have; 0 (default) means no limit
 */
public record AdminSettings(String sqlDsn, int poolSize, boolean autoMigrate, String adminKey,
                            boolean modelConfigDisabled, int port, int groupMaxTokenNum) {

  public static final int DEFAULT_PORT = 3002;

  public static AdminSettings from(Settings settings) {
    return new AdminSettings(
        settings.string("SQL_DSN", ""),
        settings.integer("ADMIN_DB_POOL_SIZE", 20),
        !settings.bool("DISABLE_AUTO_MIGRATE_DB", false),
        settings.string("ADMIN_KEY", ""),
        settings.bool("DISABLE_MODEL_CONFIG", false),
        settings.integer("ADMIN_PORT", DEFAULT_PORT),
        Math.max(0, settings.integer("GROUP_MAX_TOKEN_NUM", 0)));
  }
}
