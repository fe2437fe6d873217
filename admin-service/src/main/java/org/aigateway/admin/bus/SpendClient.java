package org.aigateway.admin.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendQuery;
import org.aigateway.protocol.command.SpendReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks billing-service what tokens and groups have spent. The admin API still answers when
 * billing does not: the spend then shows as zero and a warning is logged.
 */
public final class SpendClient {

  private static final Logger LOG = LoggerFactory.getLogger(SpendClient.class);
  private static final long TIMEOUT_MS = 2_000;
  private static final SpendReport NOTHING = new SpendReport(Map.of(), Map.of());

  private static final long WARN_INTERVAL_MS = 60_000;

  private final EventBus bus;
  private volatile long lastWarningMs = Long.MIN_VALUE / 2;

  public SpendClient(EventBus bus) {
    this.bus = bus;
  }

  /** The spend of the given items; never fails. */
  public Future<SpendReport> spend(List<Long> tokenIds, List<String> groupIds) {
    if (tokenIds.isEmpty() && groupIds.isEmpty()) {
      return Future.succeededFuture(NOTHING);
    }
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT_MS);
    return bus.<JsonObject>request(Addresses.BILLING_SPEND_QUERY, new SpendQuery(tokenIds, groupIds).toJson(), options)
        .map(reply -> SpendReport.fromJson(reply.body()))
        .recover(err -> {
          warn(err);
          return Future.succeededFuture(NOTHING);
        });
  }

  private void warn(Throwable err) {
    long now = System.currentTimeMillis();
    if (now - lastWarningMs >= WARN_INTERVAL_MS) {
      lastWarningMs = now;
      LOG.warn("billing-service did not report spend ({}); showing used_amount 0 (logged at most once a minute)",
          err.getMessage());
    } else {
      LOG.debug("billing-service did not report spend: {}", err.getMessage());
    }
  }

  /** {@code json} with {@code used_amount} and {@code request_count} added. */
  public static JsonObject withSpend(JsonObject json, Spend spend) {
    return json.put("used_amount", spend.usedAmount()).put("request_count", spend.requestCount());
  }
}
