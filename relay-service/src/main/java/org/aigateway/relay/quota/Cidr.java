package org.aigateway.relay.quota;

import io.netty.util.NetUtil;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a network of
 * one). Parsing never resolves names: only address literals are accepted. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:10.1.2.3}) count as their IPv4 address.
 */
public final class Cidr {

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /** The network of {@code text}, empty when it is not an address or CIDR. */
  public static Optional<Cidr> parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int slash = trimmed.indexOf('/');
    byte[] address = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
    if (address == null) {
      return Optional.empty();
    }
    int max = address.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String bits = trimmed.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(bits);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(address, prefix));
  }

  /** The bytes of an address literal (4 for IPv4, 16 for IPv6), {@code null} for anything else. */
  public static byte[] address(String literal) {
    if (literal == null || literal.isEmpty()) {
      return null;
    }
    String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
    return bytes == null ? null : unmapped(bytes);
  }

  public boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[whole] & mask) == (network[whole] & mask);
  }

  /** Whether {@code address} lies in one of {@code cidrs}. */
  public static boolean anyContains(List<Cidr> cidrs, byte[] address) {
    for (Cidr cidr : cidrs) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] unmapped(byte[] bytes) {
    if (bytes.length != 16) {
      return bytes;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return bytes;
      }
    }
    if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return bytes;
    }
    return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
  }
}
