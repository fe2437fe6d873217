package org.aigateway.relay;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.http.ServiceServer;

/** Runs the relay alone: the {@link RelayApi} on its own port ({@code RELAY_PORT}) with health routes. */
public final class RelayVerticle extends VerticleBase {

  private final Clock clock;
  private RelayApi api;
  private ServiceServer server;

  public RelayVerticle() {
    this(Clock.systemUTC());
  }

  /** A relay whose request times, rate-limit windows and quota periods follow {@code clock}. */
  public RelayVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Settings settings = Settings.load(config());
    int port = RelayConfig.from(settings).port();
    return RelayApi.create(vertx, settings, clock)
        .compose(created -> {
          api = created;
          return ServiceServer.start(vertx, port, api::ready, api::mount);
        })
        .onSuccess(started -> server = started);
  }

  /** The port the relay listens on, -1 when it has no server of its own. */
  public int port() {
    return server == null ? ServiceServer.NONE : server.port();
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> api == null ? Future.succeededFuture() : api.close());
  }
}
