package org.aigateway.relay.outbox;

import org.aigateway.protocol.event.RelayCompleted;

/** Where the relay hands each completed request; never blocks and never fails the request path. */
public interface UsageSink {

  /** Accepts one event for delivery to every consumer service. */
  void submit(RelayCompleted event);
}
