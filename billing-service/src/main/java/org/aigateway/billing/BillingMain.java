package org.aigateway.billing;

import org.aigateway.runtime.ServiceMain;

/** Runs billing-service alone, joined to the clustered event bus. */
public final class BillingMain {

  private BillingMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run("billing-service", BillingVerticle::new);
  }
}
