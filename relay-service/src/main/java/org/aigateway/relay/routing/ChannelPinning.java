package org.aigateway.relay.routing;

import io.vertx.core.Future;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;

/**
 * Ties requests about objects an upstream stores (OpenAI responses) to the channel that created
 * them: remembers the objects a request creates, and narrows a follow-up request to that one
 * channel, with no fallback to others.
 */
public interface ChannelPinning {

  /** No pinning: every candidate channel may serve the request. */
  ChannelPinning NONE = new ChannelPinning() {
    @Override
    public Future<Resolution> pin(Caller caller, RelayRequest request, Resolution resolution) {
      return Future.succeededFuture(resolution);
    }

    @Override
    public void watch(RelayContext ctx) {
    }
  };

  /**
   * The resolution to run {@code request} with: {@code resolution} itself, or only the channel its
   * referenced object is pinned to; fails with the client's error when that object or channel is unknown.
   */
  Future<Resolution> pin(Caller caller, RelayRequest request, Resolution resolution);

  /** Arranges that objects created while running {@code ctx} are remembered with its channel. */
  void watch(RelayContext ctx);
}
