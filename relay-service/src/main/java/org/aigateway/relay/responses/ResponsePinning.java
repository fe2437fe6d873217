package org.aigateway.relay.responses;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.routing.ChannelPinning;
import org.aigateway.relay.routing.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins OpenAI responses to the channel that created them: every response id a
 * {@code POST /v1/responses} produces is stored with its channel, group and model, and a request
 * with {@code previous_response_id} may only run on that channel (designated: no fallback, since no
 * other channel knows the conversation). A background response whose creation billed nothing is
 * stored with its price, and its billing is claimed once ({@link #claimBilling}) by the follow-up that
 * sees its usage.
 */
public final class ResponsePinning implements ChannelPinning {

  private static final Logger LOG = LoggerFactory.getLogger(ResponsePinning.class);
  private static final String PREVIOUS = "previous_response_id";

  private final ResponseStore store;

  public ResponsePinning(ResponseStore store) {
    this.store = store;
  }

  @Override
  public Future<Resolution> pin(Caller caller, RelayRequest request, Resolution resolution) {
    Object previous = request.body().getValue(PREVIOUS);
    if (previous == null) {
      return Future.succeededFuture(resolution);
    }
    if (!(previous instanceof String id) || id.isBlank()) {
      return Future.failedFuture(ResponseErrors.previousNotText());
    }
    return find(caller, id).compose(stored -> {
      if (stored == null) {
        return Future.failedFuture(ResponseErrors.previousNotFound(id));
      }
      List<Channel> pinned = resolution.candidates().stream().filter(c -> c.id() == stored.channelId()).toList();
      return pinned.isEmpty() ? Future.failedFuture(ResponseErrors.channelGone(id, stored.channelId()))
          : Future.succeededFuture(new Resolution(resolution.modelConfig(), pinned));
    });
  }

  @Override
  public void watch(RelayContext ctx) {
    ctx.onCreated(id -> store.put(id, stored(ctx))
        .onFailure(err -> LOG.warn("Could not store response {} of channel {}", id, ctx.channel().id(), err)));
  }

  private static StoredResponse stored(RelayContext ctx) {
    int channel = ctx.channel().id();
    String group = ctx.caller().groupId();
    String model = ctx.request().model();
    return ctx.usageDeferred() ? new StoredResponse(channel, group, model, ctx.price(), ctx.request().requestAt())
        : new StoredResponse(channel, group, model);
  }

  /**
   * Whether the caller is the first to bill the usage of background response {@code id}; {@code false}
   * when the store cannot say, since billing twice is worse than a usage left unbilled and logged.
   */
  public Future<Boolean> claimBilling(String id) {
    return store.claimBilling(id).recover(err -> {
      LOG.warn("Could not claim the billing of background response {}: its usage is not billed", id, err);
      return Future.succeededFuture(false);
    });
  }

  /** The stored entry of {@code id} when the caller's group created it, else {@code null}. */
  public Future<StoredResponse> find(Caller caller, String id) {
    return store.get(id)
        .recover(err -> {
          LOG.warn("Could not read response {} from the response store", id, err);
          return Future.failedFuture(ResponseErrors.storeUnavailable());
        })
        .map(stored -> stored != null && Objects.equals(stored.groupId(), caller.groupId()) ? stored : null);
  }

  /** Forgets a response the upstream deleted. */
  public void forget(String id) {
    store.remove(id).onFailure(err -> LOG.warn("Could not remove response {} from the response store", id, err));
  }
}
