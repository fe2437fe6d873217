package org.aigateway.relay.outbox;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.List;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.event.UsageBatchCodec;

/** Sends one batch point-to-point and tells an acknowledgement from a rejection; anything else fails (retry). */
final class BatchSender {

  enum Outcome { ACKNOWLEDGED, REJECTED }

  private final EventBus eventBus;
  private final String address;
  private final DeliveryOptions options;

  BatchSender(EventBus eventBus, String address, long sendTimeoutMs) {
    UsageBatchCodec.register(eventBus);
    this.eventBus = eventBus;
    this.address = address;
    this.options = new DeliveryOptions().setSendTimeout(sendTimeoutMs);
  }

  Future<Outcome> send(List<RelayCompleted> batch) {
    return eventBus.request(address, new UsageBatch(batch), options)
        .map(reply -> Outcome.ACKNOWLEDGED)
        .recover(e -> isRejection(e) ? Future.succeededFuture(Outcome.REJECTED) : Future.failedFuture(e));
  }

  /** The consumer read the batch and refuses it for good: retrying cannot help. */
  private static boolean isRejection(Throwable e) {
    return e instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == ErrorCode.BAD_REQUEST.code();
  }
}
