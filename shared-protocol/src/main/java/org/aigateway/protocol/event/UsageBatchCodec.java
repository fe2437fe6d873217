package org.aigateway.protocol.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Carries a {@link UsageBatch} on the event bus. Within one process the batch itself is handed to
 * the consumer (it is immutable), so the all-in-one gateway never encodes, copies or parses usage
 * events; between cluster nodes it travels as its versioned JSON. A receiver decodes lazily, when
 * its handler reads {@code body()}, so a batch it cannot read fails inside the handler, which
 * rejects it.
 */
public final class UsageBatchCodec implements MessageCodec<UsageBatch, UsageBatch> {

  /** The codec name that travels with each clustered message. */
  public static final String NAME = "usage-batch-json";

  UsageBatchCodec() {
  }

  /** Makes {@link UsageBatch} a bus body type of {@code bus}; senders and consumers both call it, any number of times. */
  public static synchronized void register(EventBus bus) {
    try {
      bus.registerDefaultCodec(UsageBatch.class, new UsageBatchCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // Another service of this process registered it first: the codec is stateless, one is enough.
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, UsageBatch batch) {
    Buffer json = batch.toJson().toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public UsageBatch decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return UsageBatch.fromJson(new JsonObject(buffer.slice(pos + 4, pos + 4 + length)));
  }

  @Override
  public UsageBatch transform(UsageBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
