package org.aigateway.relay.auth;

import io.vertx.core.http.HttpServerRequest;

/** Reads the caller's key: {@code Authorization: Bearer <key>}, else {@code X-Api-Key}. */
public final class ApiKeys {

  private ApiKeys() {
  }

  /** The key without {@code Bearer } and {@code sk-}, or an empty string when none was sent. */
  public static String extract(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      header = request.getHeader("X-Api-Key");
    }
    return normalise(header);
  }

  static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    String key = raw.stripLeading();
    if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = key.substring(7);
    }
    key = key.strip();
    if (key.equalsIgnoreCase("Bearer")) {
      return "";
    }
    if (key.startsWith("sk-")) {
      key = key.substring(3);
    }
    return key;
  }
}
