package org.aigateway.admin.token;

import io.netty.util.NetUtil;

/** Checks subnets in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) without any DNS lookup. */
public final class Cidrs {

  private Cidrs() {
  }

  public static boolean valid(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash <= 0 || slash != cidr.lastIndexOf('/')) {
      return false;
    }
    String address = cidr.substring(0, slash);
    Integer prefix = prefix(cidr.substring(slash + 1));
    if (prefix == null) {
      return false;
    }
    if (NetUtil.isValidIpV4Address(address)) {
      return prefix <= 32;
    }
    return address.indexOf(':') >= 0 && NetUtil.isValidIpV6Address(address) && prefix <= 128;
  }

  private static Integer prefix(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(text);
  }
}
