package org.aigateway.billing.spend;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.SpendQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link Addresses#BILLING_SPEND_QUERY}: answers a {@link SpendQuery} with a
 * {@link org.aigateway.protocol.command.SpendReport}; an invalid query fails with
 * {@link ErrorCode#BAD_REQUEST}, a database failure with {@link ErrorCode#UNAVAILABLE}.
 */
public final class SpendQueryConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(SpendQueryConsumer.class);

  private final SpendRepository repository;

  public SpendQueryConsumer(SpendRepository repository) {
    this.repository = repository;
  }

  public void handle(Message<Object> message) {
    Future.succeededFuture(message.body())
        .map(SpendQueryConsumer::decode)
        .compose(repository::report)
        .onSuccess(report -> message.reply(report.toJson()))
        .onFailure(err -> fail(message, err));
  }

  private static SpendQuery decode(Object body) {
    try {
      return SpendQuery.fromJson((JsonObject) body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void fail(Message<Object> message, Throwable err) {
    if (err instanceof IllegalArgumentException) {
      message.fail(ErrorCode.BAD_REQUEST.code(), "invalid spend query: " + err.getMessage());
      return;
    }
    LOG.warn("Spend lookup failed: {}", err.getMessage());
    message.fail(ErrorCode.UNAVAILABLE.code(), "spend lookup unavailable: " + err.getMessage());
  }
}
