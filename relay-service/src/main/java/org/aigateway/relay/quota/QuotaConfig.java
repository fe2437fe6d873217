package org.aigateway.relay.quota;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.model.ConsumeLevelRatio;

/**
 * The relay's admission settings, read once at start.
 *
 * @param disableServe         DISABLE_SERVE: refuse every relay request with 503 (model listing still works)
 * @param trustedProxies       TRUSTED_PROXIES: addresses or CIDRs of proxies whose {@code X-Forwarded-For} is
 *                             believed; empty (the default) means the client is the TCP peer
 * @param balanceResyncMs      BALANCE_RESYNC_SECONDS: period of the full reload of spend from billing-service
 * @param groupMinBalance      GROUP_MIN_BALANCE: least remaining group balance a request needs (besides its estimate)
 * @param estimateOutputTokens ESTIMATE_OUTPUT_TOKENS: output tokens assumed by the pre-call cost estimate
 *                             when a request sets no output limit
 * @param consumeLevelRatio    GROUP_CONSUME_LEVEL_RATIO: limit multipliers by a group's total spend
 */
public record QuotaConfig(boolean disableServe, List<Cidr> trustedProxies, long balanceResyncMs,
                          BigDecimal groupMinBalance, long estimateOutputTokens, ConsumeLevelRatio consumeLevelRatio) {

  public QuotaConfig {
    trustedProxies = List.copyOf(trustedProxies);
    if (balanceResyncMs <= 0) {
      throw new IllegalArgumentException("BALANCE_RESYNC_SECONDS must be positive");
    }
    if (groupMinBalance.signum() < 0) {
      throw new IllegalArgumentException("GROUP_MIN_BALANCE must not be negative");
    }
    if (estimateOutputTokens < 0) {
      throw new IllegalArgumentException("ESTIMATE_OUTPUT_TOKENS must not be negative");
    }
  }

  public static QuotaConfig from(Settings s) {
    return new QuotaConfig(
        s.bool("DISABLE_SERVE", false),
        proxies(s.string("TRUSTED_PROXIES", "")),
        s.longValue("BALANCE_RESYNC_SECONDS", 60) * 1000,
        decimal(s.string("GROUP_MIN_BALANCE", "0")),
        s.longValue("ESTIMATE_OUTPUT_TOKENS", 1024),
        ConsumeLevelRatio.parse(s.json("GROUP_CONSUME_LEVEL_RATIO")));
  }

  private static List<Cidr> proxies(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Cidr.parse(entry).orElseThrow(() -> new IllegalArgumentException(
            "TRUSTED_PROXIES has '" + entry + "', which is neither an IP address nor a CIDR")))
        .toList();
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("GROUP_MIN_BALANCE must be a decimal number, got '" + text + "'", e);
    }
  }
}
