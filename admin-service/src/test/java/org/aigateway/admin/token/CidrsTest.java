package org.aigateway.admin.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrsTest {

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "192.168.1.7/32", "0.0.0.0/0", "2001:db8::/32", "::1/128", "fe80::/10"})
  @DisplayName("IPv4 and IPv6 subnets in CIDR notation are accepted")
  void valid(String cidr) {
    assertThat(Cidrs.valid(cidr)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/8", "::1/129", "fe80::zz/64",
      "example.com/24", "/8", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/-1", "10.0.0.0/ 8", ""})
  @DisplayName("Anything else, including a bare address or a host name, is refused")
  void invalid(String cidr) {
    assertThat(Cidrs.valid(cidr)).isFalse();
  }
}
