package org.aigateway.log;

import org.aigateway.runtime.ServiceMain;

/** Runs log-service alone, joined to the clustered event bus. */
public final class LogMain {

  private LogMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run("log-service", LogVerticle::new);
  }
}
