package org.aigateway.relay.monitor;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.ChannelTypes;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.snapshot.ConfigSnapshot;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests banned (model, channel) pairs: a pair whose channel is gone, disabled or no longer lists the
 * model is cleared; otherwise one minimal real request goes to the channel through its adaptor
 * (chat: one short message with {@code max_tokens} 1; embeddings: one short input), and a 2xx
 * answer lifts the ban. A pair is probed once at a time on this instance; replicas probe on their
 * own, which costs a few duplicate probes and needs no lock.
 */
public final class BanProber {

  private static final Logger LOG = LoggerFactory.getLogger(BanProber.class);

  private final SnapshotStore store;
  private final AdaptorRegistry adaptors;
  private final HttpClient client;
  private final long timeoutMs;
  private final Set<ModelChannel> running = ConcurrentHashMap.newKeySet();

  public BanProber(SnapshotStore store, AdaptorRegistry adaptors, HttpClient client, MonitorConfig config) {
    this.store = store;
    this.adaptors = adaptors;
    this.client = client;
    this.timeoutMs = config.probeTimeoutMs();
  }

  void probeAll(ChannelHealth health) {
    health.bans()
        .onSuccess(bans -> bans.keySet().forEach(pair -> probe(health, pair)))
        .onFailure(err -> LOG.warn("Could not list the banned channels to probe", err));
  }

  private void probe(ChannelHealth health, ModelChannel pair) {
    ConfigSnapshot snapshot = store.current();
    Optional<Channel> channel = snapshot.enabledChannels(pair.model()).stream()
        .filter(c -> c.id() == pair.channelId()).findFirst();
    Optional<ProviderAdaptor> adaptor = channel.flatMap(adaptors::forChannel);
    if (adaptor.isEmpty()) {
      health.unban(pair, "the channel no longer serves the model");
      return;
    }
    if (!running.add(pair)) {
      return;
    }
    send(channel.get(), adaptor.get(), pair.model(), snapshot.modelConfig(pair.model()))
        .compose(status -> status / 100 == 2
            ? health.unban(pair, "a probe succeeded")
            : Future.failedFuture("the probe got status " + status))
        .onFailure(err -> LOG.info("Model {} stays banned on channel {}: {}", pair.model(), pair.channelId(),
            err.getMessage()))
        .onComplete(done -> running.remove(pair));
  }

  /** Sends the probe; its upstream status. */
  private Future<Integer> send(Channel channel, ProviderAdaptor adaptor, String model, ModelConfig config) {
    RequestOptions options;
    Buffer body;
    try {
      // No client response and no prompt count: a probe is not admitted and keeps its own deadline.
      RelayContext ctx = new RelayContext(request(model, config, channel.type()), Caller.internalCaller(), config,
          null, null);
      ctx.useChannel(channel);
      MultiMap headers = HttpHeaders.headers();
      adaptor.prepareHeaders(ctx, headers);
      options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(adaptor.requestUrl(ctx))
          .setHeaders(headers).setIdleTimeout(timeoutMs);
      body = adaptor.convertRequest(ctx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return client.request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(ignored -> response.statusCode()))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /**
   * The probe: one short input for an embedding model, else one short message with an output limit
   * of one token, under the name the channel's upstream accepts (OpenAI's reasoning models refuse
   * {@code max_tokens}, other OpenAI-compatible servers may not know {@code max_completion_tokens}).
   */
  private static RelayRequest request(String model, ModelConfig config, int channelType) {
    boolean embeddings = config != null && config.mode() == Mode.EMBEDDINGS;
    boolean openAi = channelType == ChannelTypes.OPENAI || channelType == ChannelTypes.AZURE
        || channelType == ChannelTypes.AZURE_LEGACY;
    JsonObject body = embeddings
        ? new JsonObject().put("model", model).put("input", "hi")
        : new JsonObject().put("model", model).put(openAi ? "max_completion_tokens" : "max_tokens", 1)
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi")));
    Mode mode = embeddings ? Mode.EMBEDDINGS : Mode.CHAT_COMPLETIONS;
    String path = embeddings ? "/embeddings" : "/chat/completions";
    return new RelayRequest("probe-" + UUID.randomUUID(), System.currentTimeMillis(), System.nanoTime(), "/v1" + path,
        path, mode, model, body, body.toBuffer(), false, false, "");
  }
}
