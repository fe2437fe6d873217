package org.aigateway.launcher;

/** The public address from {@code LISTEN}: {@code :3000}, {@code 3000} or {@code 127.0.0.1:3000}. */
record Listen(String host, int port) {

  static Listen parse(String value) {
    String text = value.trim();
    int colon = text.lastIndexOf(':');
    String host = colon > 0 ? text.substring(0, colon) : "0.0.0.0";
    String port = colon >= 0 ? text.substring(colon + 1) : text;
    try {
      return new Listen(host, Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LISTEN must look like :3000 or host:3000, got '" + value + "'", e);
    }
  }
}
