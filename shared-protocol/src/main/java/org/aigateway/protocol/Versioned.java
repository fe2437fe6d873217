package org.aigateway.protocol;

import io.vertx.core.json.JsonObject;

/** Checks the {@code "v"} schema version every bus body carries. */
public final class Versioned {

  /** The field that carries the schema version. */
  public static final String FIELD = "v";

  private Versioned() {
  }

  /**
   * Returns {@code json} when its version is one this code reads.
   *
   * @throws IllegalArgumentException when the version is missing or newer than {@code supported}
   */
  public static JsonObject require(JsonObject json, int supported, String what) {
    Integer v = json.getInteger(FIELD);
    if (v == null || v < 1 || v > supported) {
      throw new IllegalArgumentException(what + " has unsupported schema version " + v);
    }
    return json;
  }
}
