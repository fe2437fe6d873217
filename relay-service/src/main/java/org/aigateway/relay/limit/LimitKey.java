package org.aigateway.relay.limit;

import java.util.Objects;

/**
 * What a limit counts against: a group and a model, optionally narrowed to one token. The caller
 * picks the key and computes the effective limits for it; the limiter only counts.
 *
 * @param group the group (tenant) id
 * @param model the model name as configured
 * @param token a token name or id for per-token limits; empty for group x model limits
 */
public record LimitKey(String group, String model, String token) {

  public LimitKey {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(model, "model");
    token = token == null ? "" : token;
  }

  public static LimitKey of(String group, String model) {
    return new LimitKey(group, model, "");
  }

  public static LimitKey of(String group, String model, String token) {
    return new LimitKey(group, model, token);
  }

  /** A stable text form, unambiguous because the separator and braces are escaped in each part. */
  public String id() {
    return escape(group) + "|" + escape(model) + "|" + escape(token);
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("|", "%7C").replace("{", "%7B").replace("}", "%7D");
  }
}
