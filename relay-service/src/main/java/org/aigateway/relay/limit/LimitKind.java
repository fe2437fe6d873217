package org.aigateway.relay.limit;

/** The two limits of a key: requests per minute and tokens per minute. */
public enum LimitKind {
  REQUESTS("Requests"),
  TOKENS("Tokens");

  private final String headerSuffix;

  LimitKind(String headerSuffix) {
    this.headerSuffix = headerSuffix;
  }

  /** The suffix of this limit's {@code X-RateLimit-*} headers. */
  public String headerSuffix() {
    return headerSuffix;
  }
}
