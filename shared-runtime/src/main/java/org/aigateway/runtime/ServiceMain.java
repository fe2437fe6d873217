package org.aigateway.runtime;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.cluster.ClusterConfig;
import org.aigateway.runtime.cluster.VertxFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service alone: joins the clustered event bus (on by default), deploys the service's
 * verticle and undeploys it on SIGTERM so that it can drain before the process exits.
 */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {
  }

  public static void run(String service, Supplier<? extends Deployable> verticle) {
    Settings settings = Settings.load(null);
    start(settings, verticle)
        .onSuccess(vertx -> {
          LOG.info("{} started", service);
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service, vertx), service + "-shutdown"));
        })
        .onFailure(err -> {
          LOG.error("{} failed to start", service, err);
          System.exit(1);
        });
  }

  static Future<Vertx> start(Settings settings, Supplier<? extends Deployable> verticle) {
    return VertxFactory.create(ClusterConfig.from(settings, true))
        .compose(vertx -> vertx.deployVerticle(verticle.get(), new DeploymentOptions().setConfig(settings.asJson()))
            .map(id -> vertx)
            .recover(err -> vertx.close().transform(v -> Future.failedFuture(err))));
  }

  private static void stop(String service, Vertx vertx) {
    LOG.info("{} stopping", service);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      LOG.warn("{} did not stop cleanly", service, e);
    }
  }
}
