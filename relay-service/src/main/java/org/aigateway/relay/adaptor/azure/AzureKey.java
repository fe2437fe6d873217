package org.aigateway.relay.adaptor.azure;

/**
 * An Azure OpenAI channel key: {@code key} or {@code key|api-version}.
 *
 * @param key         the {@code api-key} header's value
 * @param apiVersion  the {@code api-version} query parameter
 */
record AzureKey(String key, String apiVersion) {

  static final String DEFAULT_API_VERSION = "2025-04-01-preview";

  static AzureKey parse(String raw) {
    String value = raw == null ? "" : raw.strip();
    int bar = value.indexOf('|');
    if (bar < 0) {
      return new AzureKey(value, DEFAULT_API_VERSION);
    }
    String version = value.substring(bar + 1).strip();
    return new AzureKey(value.substring(0, bar).strip(), version.isEmpty() ? DEFAULT_API_VERSION : version);
  }
}
