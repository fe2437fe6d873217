package org.aigateway.billing.ledger;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import java.util.List;
import org.aigateway.billing.balance.BalancePublisher;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link Addresses#BILLING_RECORD}: bills a usage batch, publishes the new balances of what
 * it billed, and acknowledges the batch once committed. With billing disabled the requests are
 * recorded and counted but charged nothing. A body that is not a batch fails with
 * {@link ErrorCode#BAD_REQUEST}; a database failure with {@link ErrorCode#UNAVAILABLE}, so that the
 * sender retries.
 */
public final class BillingRecordConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(BillingRecordConsumer.class);
  private static final String DATA_EXCEPTION_CLASS = "22";

  private final LedgerRepository repository;
  private final BalancePublisher balances;
  private final boolean charging;

  public BillingRecordConsumer(LedgerRepository repository, BalancePublisher balances, boolean charging) {
    this.repository = repository;
    this.balances = balances;
    this.charging = charging;
  }

  public void handle(Message<Object> message) {
    List<Charge> charges;
    try {
      charges = Charge.decode(message.body());
    } catch (RuntimeException e) {
      LOG.warn("Rejected a malformed usage batch: {}", e.toString());
      message.fail(ErrorCode.BAD_REQUEST.code(), "malformed usage batch: " + e.getMessage());
      return;
    }
    repository.apply(charges, charging)
        .compose(applied -> applied.billed() == 0 ? Future.succeededFuture(applied)
            : balances.publish(applied.tokenIds(), applied.groupIds()).map(applied))
        .onSuccess(applied -> message.reply(ack(charges.size(), applied.billed())))
        .onFailure(err -> fail(message, charges.size(), err));
  }

  private static JsonObject ack(int received, int billed) {
    return new JsonObject().put(Versioned.FIELD, 1).put("received", received).put("billed", billed);
  }

  /** Data the database refuses (class 22) would be refused on every retry: that is the sender's error. */
  private static void fail(Message<Object> message, int size, Throwable err) {
    if (err instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith(DATA_EXCEPTION_CLASS)) {
      LOG.warn("Rejected a batch of {} charges the database refuses: {}", size, err.getMessage());
      message.fail(ErrorCode.BAD_REQUEST.code(), "usage batch refused by the database: " + err.getMessage());
      return;
    }
    LOG.warn("Could not bill a batch of {} charges: {}", size, err.getMessage());
    message.fail(ErrorCode.UNAVAILABLE.code(), "billing unavailable: " + err.getMessage());
  }
}
