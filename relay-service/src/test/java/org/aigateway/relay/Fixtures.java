package org.aigateway.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigateway.protocol.model.Price;
import org.aigateway.testsupport.Await;

/** Inserts configuration rows the way admin-service stores them. */
final class Fixtures {

  private final Pool pool;

  Fixtures(Pool pool) {
    this.pool = pool;
  }

  static String newKey() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 48);
  }

  void group(String id, int status, List<String> sets) {
    Await.result(pool.preparedQuery("INSERT INTO groups (id, status, available_sets) VALUES ($1, $2, $3)")
        .execute(Tuple.of(id, status, new JsonArray(sets))));
  }

  long token(String key, String name, String group, List<String> models, int status) {
    return Await.result(pool.preparedQuery("INSERT INTO tokens (key, name, group_id, models, status) "
            + "VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(key, name, group, new JsonArray(models), status))).iterator().next().getLong(0);
  }

  int channel(int type, String baseUrl, String key, List<String> models, Map<String, String> mapping,
              int priority, int status, List<String> sets) {
    return Await.result(pool.preparedQuery("INSERT INTO channels (type, name, key, base_url, models, model_mapping, "
            + "priority, status, sets) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
        .execute(Tuple.from(new Object[] {type, "ch-" + UUID.randomUUID().toString().substring(0, 8), key, baseUrl,
            new JsonArray(models), new JsonObject(Map.copyOf(mapping)), priority, status, new JsonArray(sets)})))
        .iterator().next().getInteger(0);
  }

  /** Sets a channel's automatic-ban rules. */
  void banRules(int channelId, boolean noPermissionBan, double maxErrorRate) {
    Await.result(pool.preparedQuery(
            "UPDATE channels SET enabled_no_permission_ban = $2, max_error_rate = $3 WHERE id = $1")
        .execute(Tuple.of(channelId, noPermissionBan, maxErrorRate)));
  }

  /** An enabled OpenAI channel in the default set. */
  int openAiChannel(String baseUrl, String key, List<String> models, Map<String, String> mapping) {
    return channel(1, baseUrl, key, models, mapping, 0, 1, List.of("default"));
  }

  void modelConfig(String model, int type, Price price, int retryTimes, JsonObject timeoutConfig) {
    Await.result(pool.preparedQuery("INSERT INTO model_configs (model, owner, type, retry_times, price, timeout_config) "
            + "VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(model, "fake-owner", type, retryTimes, price.toJson(), timeoutConfig)));
  }

  void chatModel(String model, Price price) {
    modelConfig(model, 1, price, 0, new JsonObject());
  }

  static Price price(String input, String output) {
    return Price.perThousand(new BigDecimal(input), new BigDecimal(output));
  }
}
