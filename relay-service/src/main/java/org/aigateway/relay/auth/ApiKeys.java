package org.aigateway.relay.auth;

import io.vertx.core.http.HttpServerRequest;

/** Reads the caller's key: {@code Authorization: Bearer <key>}, else {@code X-Api-Key} (Anthropic's header). */
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

  /**
   * The key of a Gemini route: as {@link #extract}, else Google's {@code x-goog-api-key} header, else
   * the {@code key} query parameter (the Gemini SDKs and REST examples send one of those two).
   */
  public static String extractGemini(HttpServerRequest request) {
    String key = extract(request);
    if (key.isEmpty()) {
      key = normalise(request.getHeader("x-goog-api-key"));
    }
    if (key.isEmpty()) {
      key = normalise(request.getParam("key"));
    }
    return key;
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
