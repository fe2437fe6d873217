package org.aigateway.relay;

import org.aigateway.runtime.ServiceMain;

/** Starts the relay alone, joined to the cluster. */
public final class RelayMain {

  private RelayMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run("relay-service", RelayVerticle::new);
  }
}
