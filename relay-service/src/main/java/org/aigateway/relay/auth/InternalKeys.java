package org.aigateway.relay.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The keys of internal callers: {@code ADMIN_KEY} and {@code INTERNAL_TOKEN} (blank ones never match). */
public final class InternalKeys {

  private final List<byte[]> keys;

  public InternalKeys(String adminKey, String internalToken) {
    this.keys = Stream.of(adminKey, internalToken)
        .filter(k -> k != null && !k.isBlank())
        .map(ApiKeys::normalise)
        .map(k -> k.getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  /** Compares in constant time, as the admin key grants every model. */
  public boolean matches(String key) {
    byte[] candidate = key.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] k : keys) {
      match |= MessageDigest.isEqual(k, candidate);
    }
    return match;
  }
}
