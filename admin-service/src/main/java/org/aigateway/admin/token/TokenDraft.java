package org.aigateway.admin.token;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.aigateway.admin.http.Fields;
import org.aigateway.protocol.model.Status;

/** A validated token as the admin sent it, before it has an id and a key. */
public record TokenDraft(String name, List<String> subnets, List<String> models, int status, BigDecimal quota,
                         BigDecimal periodQuota, String periodType, long rpm, long tpm) {

  static final int NAME_MAX = 32;
  private static final Set<String> PERIOD_TYPES = Set.of("daily", "weekly", "monthly");

  public static TokenDraft parse(JsonObject json) {
    Fields fields = Fields.of(json);
    return new TokenDraft(
        fields.requiredString("name", NAME_MAX).trim(),
        subnets(fields),
        fields.strings("models"),
        fields.status("status", Status.ENABLED),
        fields.nonNegativeDecimal("quota", BigDecimal.ZERO),
        fields.nonNegativeDecimal("period_quota", BigDecimal.ZERO),
        periodType(fields),
        fields.nonNegativeLong("rpm", 0),
        fields.nonNegativeLong("tpm", 0));
  }

  /** Parameters {@code $3} onwards: name, subnets, models, status, quota, period quota, period type, rpm, tpm. */
  Tuple addTo(Tuple tuple) {
    return tuple.addValue(name).addValue(new JsonArray(subnets)).addValue(new JsonArray(models))
        .addValue(status).addValue(quota).addValue(periodQuota).addValue(periodType).addValue(rpm).addValue(tpm);
  }

  private static List<String> subnets(Fields fields) {
    List<String> subnets = fields.strings("subnets").stream().map(String::trim).toList();
    for (String subnet : subnets) {
      if (!Cidrs.valid(subnet)) {
        throw fields.invalid("subnets", "contains '" + subnet + "', which is not a CIDR such as 10.0.0.0/8");
      }
    }
    return subnets;
  }

  private static String periodType(Fields fields) {
    String type = fields.string("period_type", 16, "").trim();
    if (type.isEmpty()) {
      return "monthly";
    }
    if (!PERIOD_TYPES.contains(type)) {
      throw fields.invalid("period_type", "must be daily, weekly or monthly");
    }
    return type;
  }
}
