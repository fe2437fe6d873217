package org.aigateway.relay.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aigateway.protocol.model.Token;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @DisplayName("Networks match the addresses inside their prefix, IPv4 and IPv6, bare addresses being networks of one")
  @CsvSource({
      "10.0.0.0/8, 10.255.1.2, true",
      "10.0.0.0/8, 11.0.0.1, false",
      "127.0.0.0/8, 127.0.0.1, true",
      "192.168.1.0/25, 192.168.1.127, true",
      "192.168.1.0/25, 192.168.1.128, false",
      "0.0.0.0/0, 8.8.8.8, true",
      "203.0.113.7, 203.0.113.7, true",
      "203.0.113.7, 203.0.113.8, false",
      "2001:db8::/32, 2001:db8:1::5, true",
      "2001:db8::/32, 2001:db9::5, false",
      "::1/128, ::1, true",
      "10.0.0.0/8, ::ffff:10.1.2.3, true",
      "10.0.0.0/8, 2001:db8::1, false",
      "::/0, 10.0.0.1, false",
  })
  void matches(String network, String address, boolean inside) {
    assertThat(Cidr.parse(network).orElseThrow().contains(Cidr.address(address))).isEqualTo(inside);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("Anything but an address literal with an optional prefix in range is rejected, host names included (no DNS)")
  @CsvSource({"localhost", "example.com", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0/8", "10.0.0.0/x", "''",
      "cafe", "10.0.0.0/8/8"})
  void rejects(String text) {
    assertThat(Cidr.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("A forwarded address loses its port, IPv4 and bracketed IPv6 alike, and a bare IPv6 address keeps its colons")
  void forwardedPorts() {
    assertThat(ClientAddress.withoutPort("10.1.2.3:443")).isEqualTo("10.1.2.3");
    assertThat(ClientAddress.withoutPort("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
    assertThat(ClientAddress.withoutPort("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(ClientAddress.withoutPort("10.1.2.3")).isEqualTo("10.1.2.3");
  }

  @Test
  @DisplayName("A key with subnets is usable only from them; one without is usable from anywhere; bad entries match nothing")
  void tokenSubnets() {
    assertThat(AccessGate.allowed(token(List.of()), "8.8.8.8")).isTrue();
    assertThat(AccessGate.allowed(token(List.of("10.0.0.0/8", "127.0.0.0/8")), "127.0.0.1")).isTrue();
    assertThat(AccessGate.allowed(token(List.of("10.0.0.0/8")), "127.0.0.1")).isFalse();
    assertThat(AccessGate.allowed(token(List.of("not-a-network")), "127.0.0.1")).isFalse();
    assertThat(AccessGate.allowed(token(List.of("10.0.0.0/8")), "")).isFalse();
  }

  private static Token token(List<String> subnets) {
    return new Token(1, "k", "t", "g", subnets, List.of(), 1, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO,
        "monthly", 0);
  }
}
