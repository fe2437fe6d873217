package org.aigateway.protocol.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.aigateway.protocol.Json;

/**
 * A tenant: its tokens share its sets, limits ratios and balance. The id is chosen by the admin.
 * {@code balance} is the credit the admin granted the group in total: what remains is the balance
 * less what billing-service reports the group has spent; {@code null} means no balance limit.
 */
public record Group(String id, int status, double rpmRatio, double tpmRatio, List<String> availableSets,
                    boolean balanceAlertEnabled, BigDecimal balanceAlertThreshold, long createdAt,
                    BigDecimal balance) {

  /** A group without a balance limit. */
  public Group(String id, int status, double rpmRatio, double tpmRatio, List<String> availableSets,
               boolean balanceAlertEnabled, BigDecimal balanceAlertThreshold, long createdAt) {
    this(id, status, rpmRatio, tpmRatio, availableSets, balanceAlertEnabled, balanceAlertThreshold, createdAt, null);
  }

  public boolean enabled() {
    return status == Status.ENABLED || status == Status.INTERNAL;
  }

  /** The balance left after spending {@code usedAmount}; empty when the group has no balance limit. */
  public Optional<BigDecimal> remainingBalance(BigDecimal usedAmount) {
    return balance == null ? Optional.empty() : Optional.of(balance.subtract(usedAmount));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("status", status)
        .put("rpm_ratio", rpmRatio)
        .put("tpm_ratio", tpmRatio)
        .put("available_sets", new JsonArray(availableSets))
        .put("balance_alert_enabled", balanceAlertEnabled)
        .put("balance_alert_threshold", balanceAlertThreshold)
        .put("balance", balance)
        .put("created_at", createdAt);
  }

  public static Group fromJson(JsonObject json) {
    List<String> sets = Json.strings(json, "available_sets");
    return new Group(
        json.getString("id"),
        Json.intValue(json, "status", Status.ENABLED),
        json.getDouble("rpm_ratio", 1.0),
        json.getDouble("tpm_ratio", 1.0),
        sets.isEmpty() ? List.of(Channel.DEFAULT_SET) : sets,
        json.getBoolean("balance_alert_enabled", false),
        Json.decimal(json, "balance_alert_threshold"),
        Json.longValue(json, "created_at"),
        Json.decimalOrNull(json, "balance"));
  }
}
