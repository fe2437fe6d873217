package org.aigateway.billing.balance;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link Addresses#BILLING_BALANCE_QUERY}: answers a {@link BalanceQuery} with one page of
 * everybody's spend; an invalid query fails with {@link ErrorCode#BAD_REQUEST}, a database failure
 * with {@link ErrorCode#UNAVAILABLE}.
 */
public final class BalanceQueryConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(BalanceQueryConsumer.class);

  private final BalanceRepository repository;

  public BalanceQueryConsumer(BalanceRepository repository) {
    this.repository = repository;
  }

  public void handle(Message<Object> message) {
    BalanceQuery query;
    try {
      query = BalanceQuery.fromJson((JsonObject) message.body());
    } catch (RuntimeException e) {
      message.fail(ErrorCode.BAD_REQUEST.code(), "invalid balance query: " + e.getMessage());
      return;
    }
    page(query).onSuccess(page -> message.reply(page.toJson())).onFailure(err -> {
      LOG.warn("Balance query failed: {}", err.getMessage());
      message.fail(ErrorCode.UNAVAILABLE.code(), "balance query unavailable: " + err.getMessage());
    });
  }

  /** Reads one more item of each kind than asked, to tell whether more follow. */
  private Future<BalanceSnapshot> page(BalanceQuery query) {
    long now = repository.now();
    Future<List<TokenBalance>> tokens = repository.tokensAfter(query.afterTokenId(), query.limit() + 1);
    Future<List<GroupBalance>> groups = repository.groupsAfter(query.afterGroupId(), query.limit() + 1);
    return Future.all(tokens, groups).map(read -> new BalanceSnapshot(
        first(tokens.result(), query.limit()), first(groups.result(), query.limit()),
        tokens.result().size() > query.limit(), groups.result().size() > query.limit(), now));
  }

  private static <T> List<T> first(List<T> items, int limit) {
    return items.size() > limit ? items.subList(0, limit) : items;
  }
}
