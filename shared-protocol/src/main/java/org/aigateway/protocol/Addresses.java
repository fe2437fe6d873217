package org.aigateway.protocol;

/**
 * Event-bus addresses shared by the services. Events are published with {@code publish}; the
 * addresses named after a capability are point-to-point with a reply.
 */
public final class Addresses {

  /** Published by admin-service after every write: body is a {@link org.aigateway.protocol.event.ConfigChanged}. */
  public static final String CONFIG_CHANGED = "gateway.config.changed";

  /** Batches of {@link org.aigateway.protocol.event.RelayCompleted} for log-service; the reply acknowledges the batch. */
  public static final String LOG_RECORD = "gateway.log.record";

  /** Batches of {@link org.aigateway.protocol.event.RelayCompleted} for billing-service; the reply acknowledges the batch. */
  public static final String BILLING_RECORD = "gateway.billing.record";

  /** Log search: body is a {@link org.aigateway.protocol.command.LogQuery}, reply is a {@link org.aigateway.protocol.command.LogPage}. */
  public static final String LOG_QUERY = "gateway.log.query";

  /** Spend lookup: body is a {@link org.aigateway.protocol.command.SpendQuery}, reply is a {@link org.aigateway.protocol.command.SpendReport}. */
  public static final String BILLING_SPEND_QUERY = "gateway.billing.spend.query";

  /**
   * Published by billing-service after each usage batch that billed something new: body is a
   * {@link org.aigateway.protocol.event.BalanceChanged} with the new totals of the tokens and groups it charged.
   */
  public static final String BALANCE_CHANGED = "gateway.balance.changed";

  /**
   * Everybody's spend, one page at a time (a relay loads it at start and on resync): body is a
   * {@link org.aigateway.protocol.command.BalanceQuery}, reply is a {@link org.aigateway.protocol.command.BalanceSnapshot}.
   */
  public static final String BILLING_BALANCE_QUERY = "gateway.billing.balance.query";

  private Addresses() {
  }
}
