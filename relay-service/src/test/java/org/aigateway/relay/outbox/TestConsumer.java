package org.aigateway.relay.outbox;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.event.UsageBatchCodec;
import org.aigateway.testsupport.Await;

/** A consumer service on the test event bus that records the request ids of the batches it acknowledges. */
final class TestConsumer {

  private final Vertx vertx;
  private final String address;
  private final List<String> acknowledged = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failFirst;
  private volatile boolean silent;
  private volatile Predicate<RelayCompleted> rejects = e -> false;
  private MessageConsumer<UsageBatch> consumer;

  TestConsumer(Vertx vertx, String address) {
    this.vertx = vertx;
    this.address = address;
  }

  /** Answers the first {@code batches} requests with UNAVAILABLE. */
  TestConsumer failingFirst(int batches) {
    this.failFirst = batches;
    return this;
  }

  /** Fails with BAD_REQUEST every batch holding an event that matches. */
  TestConsumer rejecting(Predicate<RelayCompleted> rule) {
    this.rejects = rule;
    return this;
  }

  /** Receives but never replies, so every send times out. */
  TestConsumer silent(boolean value) {
    this.silent = value;
    return this;
  }

  TestConsumer register() {
    UsageBatchCodec.register(vertx.eventBus());
    consumer = vertx.eventBus().consumer(address, this::handle);
    Await.result(consumer.completion());
    return this;
  }

  void unregister() {
    Await.result(consumer.unregister());
  }

  synchronized List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  synchronized Set<String> distinct() {
    return new HashSet<>(acknowledged);
  }

  int requests() {
    return requests.get();
  }

  private void handle(Message<UsageBatch> message) {
    int number = requests.incrementAndGet();
    UsageBatch batch = message.body();
    if (silent) {
      return;
    }
    if (number <= failFirst) {
      message.fail(ErrorCode.UNAVAILABLE.code(), "database down");
    } else if (batch.events().stream().anyMatch(rejects)) {
      message.fail(ErrorCode.BAD_REQUEST.code(), "invalid event");
    } else {
      record(batch);
      message.reply(new JsonObject().put("v", 1).put("stored", batch.events().size()));
    }
  }

  private synchronized void record(UsageBatch batch) {
    batch.events().forEach(event -> acknowledged.add(event.requestId()));
  }
}
