package org.aigateway.relay.quota;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's IP address. It is the TCP peer, unless the peer is one of {@code TRUSTED_PROXIES}:
 * then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first
 * address not trusted is the client (entries further left were written by the client itself and
 * prove nothing). A malformed entry on that walk stops it at the peer, so a broken chain never
 * grants an address the caller merely claimed.
 */
public final class ClientAddress {

  /** The routing context key holding the resolved address. */
  public static final String KEY = "relay.clientIp";
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final List<Cidr> trusted;

  public ClientAddress(List<Cidr> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  public String resolve(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
    if (trusted.isEmpty() || !Cidr.anyContains(trusted, Cidr.address(peer))) {
      return peer;
    }
    List<String> hops = hops(request.headers().getAll(FORWARDED_FOR));
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = withoutPort(hops.get(i));
      byte[] address = Cidr.address(hop);
      if (address == null) {
        return peer;
      }
      client = hop;
      if (!Cidr.anyContains(trusted, address)) {
        return hop;
      }
    }
    return client;
  }

  private static List<String> hops(List<String> headers) {
    List<String> hops = new ArrayList<>();
    for (String header : headers) {
      for (String part : header.split(",")) {
        String hop = part.trim();
        if (!hop.isEmpty()) {
          hops.add(hop);
        }
      }
    }
    return hops;
  }

  /** {@code [2001:db8::1]:443} and {@code 10.1.2.3:443} name their address with a port. */
  static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }
}
