package org.aigateway.protocol.model;

/** Status numbers of channels, groups and tokens, as in the original admin API. */
public final class Status {

  /** Serves traffic. */
  public static final int ENABLED = 1;
  /** Kept but serves nothing. */
  public static final int DISABLED = 2;
  /** A group used by internal callers (admin key, internal token). */
  public static final int INTERNAL = 3;

  private Status() {
  }
}
