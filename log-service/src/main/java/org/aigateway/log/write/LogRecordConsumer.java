package org.aigateway.log.write;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.Versioned;
import org.aigateway.protocol.event.RelayCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link Addresses#LOG_RECORD}: stores a usage batch and acknowledges it once committed.
 * A body that is not a batch fails with {@link ErrorCode#BAD_REQUEST}; a database failure with
 * {@link ErrorCode#UNAVAILABLE}, so that the sender retries.
 */
public final class LogRecordConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(LogRecordConsumer.class);
  private static final String DATA_EXCEPTION_CLASS = "22";

  private final RequestLogRepository repository;

  public LogRecordConsumer(RequestLogRepository repository) {
    this.repository = repository;
  }

  public void handle(Message<Object> message) {
    List<RelayCompleted> events;
    try {
      events = UsageBatches.decode(message.body());
    } catch (RuntimeException e) {
      LOG.warn("Rejected a malformed usage batch: {}", e.toString());
      message.fail(ErrorCode.BAD_REQUEST.code(), "malformed usage batch: " + e.getMessage());
      return;
    }
    repository.insert(events)
        .onSuccess(stored -> message.reply(ack(events.size(), stored)))
        .onFailure(err -> fail(message, events.size(), err));
  }

  private static JsonObject ack(int received, int stored) {
    return new JsonObject().put(Versioned.FIELD, 1).put("received", received).put("stored", stored);
  }

  /** Data the database refuses (class 22) would be refused on every retry: that is the sender's error. */
  private static void fail(Message<Object> message, int size, Throwable err) {
    if (err instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith(DATA_EXCEPTION_CLASS)) {
      LOG.warn("Rejected a batch of {} logs the database refuses: {}", size, err.getMessage());
      message.fail(ErrorCode.BAD_REQUEST.code(), "log batch refused by the database: " + err.getMessage());
      return;
    }
    LOG.warn("Could not store a batch of {} logs: {}", size, err.getMessage());
    message.fail(ErrorCode.UNAVAILABLE.code(), "log store unavailable: " + err.getMessage());
  }
}
