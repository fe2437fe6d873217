package org.aigateway.relay.convert;

import java.util.concurrent.ThreadLocalRandom;

/** Ids the gateway makes up when a protocol needs one the upstream did not give. */
public final class Ids {

  private Ids() {
  }

  /** A tool call id such as {@code call_3f9a...} (24 hex digits). */
  public static String callId() {
    return "call_" + hex();
  }

  /** A response id with the given prefix, e.g. {@code chatcmpl-} or {@code msg_}. */
  public static String responseId(String prefix) {
    return prefix + hex();
  }

  private static String hex() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%08x", random.nextLong(), random.nextInt());
  }
}
