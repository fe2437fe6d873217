package org.aigateway.admin.group;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Fields;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Status;

/**
 * A validated group as the admin sent it; the id comes from the path. A null {@code balance} means
 * no balance limit.
 */
public record GroupDraft(int status, double rpmRatio, double tpmRatio, List<String> availableSets,
                         boolean balanceAlertEnabled, BigDecimal balanceAlertThreshold, BigDecimal balance) {

  static final int ID_MAX = 64;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

  /** A new group's settings when the body gives none. */
  public static final GroupDraft DEFAULTS = parse(new JsonObject());

  public static GroupDraft parse(JsonObject json) {
    Fields fields = Fields.of(json);
    List<String> sets = fields.strings("available_sets");
    return new GroupDraft(
        fields.status("status", Status.ENABLED),
        fields.nonNegativeDecimal("rpm_ratio", BigDecimal.ONE).doubleValue(),
        fields.nonNegativeDecimal("tpm_ratio", BigDecimal.ONE).doubleValue(),
        sets.isEmpty() ? List.of(Channel.DEFAULT_SET) : sets,
        fields.bool("balance_alert_enabled", false),
        fields.nonNegativeDecimal("balance_alert_threshold", BigDecimal.ZERO),
        fields.exactNonNegativeDecimal("balance", null));
  }

  /** The group id of a path: 1 to 64 characters of letters, digits, '_', '.' and '-'. */
  public static String requireId(String id) {
    if (id == null || id.isEmpty() || id.length() > ID_MAX || !ID.matcher(id).matches()) {
      throw ApiException.badRequest("group must be 1 to " + ID_MAX + " characters of letters, digits, '_', '.' or '-'");
    }
    return id;
  }

  /** Parameters {@code $1} to {@code $8}: id, then the columns in table order. */
  Tuple toTuple(String id) {
    return Tuple.of(id, status, rpmRatio, tpmRatio, new JsonArray(availableSets), balanceAlertEnabled)
        .addValue(balanceAlertThreshold).addValue(balance);
  }
}
