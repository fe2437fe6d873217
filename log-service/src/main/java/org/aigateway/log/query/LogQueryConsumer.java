package org.aigateway.log.query;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.LogQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link Addresses#LOG_QUERY}: answers a {@link LogQuery} with a
 * {@link org.aigateway.protocol.command.LogPage}; an invalid query fails with
 * {@link ErrorCode#BAD_REQUEST}, a database failure with {@link ErrorCode#UNAVAILABLE}.
 */
public final class LogQueryConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(LogQueryConsumer.class);

  private final LogSearchRepository repository;

  public LogQueryConsumer(LogSearchRepository repository) {
    this.repository = repository;
  }

  public void handle(Message<Object> message) {
    Future.succeededFuture(message.body())
        .map(LogQueryConsumer::decode)
        .compose(repository::search)
        .onSuccess(page -> message.reply(page.toJson()))
        .onFailure(err -> fail(message, err));
  }

  private static LogQuery decode(Object body) {
    try {
      return LogQuery.fromJson((JsonObject) body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void fail(Message<Object> message, Throwable err) {
    if (err instanceof IllegalArgumentException) {
      message.fail(ErrorCode.BAD_REQUEST.code(), "invalid log query: " + err.getMessage());
      return;
    }
    LOG.warn("Log search failed: {}", err.getMessage());
    message.fail(ErrorCode.UNAVAILABLE.code(), "log search unavailable: " + err.getMessage());
  }
}
