package org.aigateway.admin;

import org.aigateway.runtime.ServiceMain;

/** Runs admin-service alone, joined to the clustered event bus. */
public final class AdminMain {

  private AdminMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run("admin-service", AdminVerticle::new);
  }
}
