package org.aigateway.launcher;

import java.util.concurrent.TimeUnit;
import org.aigateway.protocol.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the all-in-one gateway until SIGTERM, then stops it gracefully. */
public final class GatewayMain {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

  private GatewayMain() {
  }

  public static void main(String[] args) {
    Gateway gateway;
    try {
      gateway = Gateway.start(Settings.load(null)).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      LOG.error("The gateway failed to start", e);
      System.exit(1);
      return;
    }
    LOG.info("AI gateway listening on port {}", gateway.port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping the gateway");
      try {
        gateway.stop().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
      } catch (Exception e) {
        LOG.warn("The gateway did not stop cleanly", e);
      }
    }, "gateway-shutdown"));
  }
}
