package org.aigateway.admin;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendQuery;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.testsupport.Await;

/**
 * Stands in for billing-service's spend query (built in parallel; the launcher's end-to-end test
 * uses the real one): answers with fixed spends, for the items asked about, and records the queries.
 */
public final class BillingDouble implements AutoCloseable {

  private final MessageConsumer<JsonObject> consumer;
  private final List<SpendQuery> queries = new CopyOnWriteArrayList<>();

  public BillingDouble(AdminServer server, Map<Long, Spend> tokens, Map<String, Spend> groups) {
    consumer = server.vertx.eventBus().consumer(Addresses.BILLING_SPEND_QUERY, message -> {
      SpendQuery query = SpendQuery.fromJson(message.body());
      queries.add(query);
      Map<Long, Spend> tokenSpend = new HashMap<>(tokens);
      tokenSpend.keySet().retainAll(query.tokenIds());
      Map<String, Spend> groupSpend = new HashMap<>(groups);
      groupSpend.keySet().retainAll(query.groupIds());
      message.reply(new SpendReport(tokenSpend, groupSpend).toJson());
    });
    Await.result(consumer.completion());
  }

  public List<SpendQuery> queries() {
    return List.copyOf(queries);
  }

  @Override
  public void close() {
    Await.result(consumer.unregister());
  }
}
