package org.aigateway.billing;

import org.aigateway.protocol.config.Settings;

/**
 * Settings of billing-service, read once at start.
 *
 * @param dsn      the main database, {@code SQL_DSN}
 * @param port     {@code BILLING_PORT}: -1 for no HTTP server, 0 for a random port
 * @param migrate  apply the schema at start (false when {@code DISABLE_AUTO_MIGRATE_DB=true})
 * @param poolSize {@code BILLING_DB_POOL_SIZE}, connections to the database
 * @param enabled  {@code BILLING_ENABLED}, default true; false records and counts requests but charges nothing
 */
public record BillingConfig(String dsn, int port, boolean migrate, int poolSize, boolean enabled) {

  static final int DEFAULT_PORT = 3003;
  static final int DEFAULT_POOL_SIZE = 8;

  public static BillingConfig from(Settings settings) {
    return new BillingConfig(
        settings.string("SQL_DSN", null),
        settings.integer("BILLING_PORT", DEFAULT_PORT),
        !settings.bool("DISABLE_AUTO_MIGRATE_DB", false),
        settings.integer("BILLING_DB_POOL_SIZE", DEFAULT_POOL_SIZE),
        settings.bool("BILLING_ENABLED", true));
  }
}
