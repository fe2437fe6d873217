package org.aigateway.billing.balance;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link Addresses#BALANCE_CHANGED} after a batch billed something: one event with the
 * new totals of each token and group it charged. Never fails: when the totals cannot be read, a
 * warning is logged and relays catch up at their next balance resync.
 */
public final class BalancePublisher {

  private static final Logger LOG = LoggerFactory.getLogger(BalancePublisher.class);

  private final BalanceRepository repository;
  private final EventBus bus;

  public BalancePublisher(BalanceRepository repository, EventBus bus) {
    this.repository = repository;
    this.bus = bus;
  }

  public Future<Void> publish(List<Long> tokenIds, List<String> groupIds) {
    if (tokenIds.isEmpty() && groupIds.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<List<TokenBalance>> tokens = repository.tokens(tokenIds);
    Future<List<GroupBalance>> groups = repository.groups(groupIds);
    return Future.all(tokens, groups)
        .map(read -> new BalanceChanged(tokens.result(), groups.result(), repository.now()))
        .onSuccess(event -> bus.publish(Addresses.BALANCE_CHANGED, event.toJson()))
        .<Void>mapEmpty()
        .recover(err -> {
          LOG.warn("Billed {} tokens and {} groups but could not read their new balances: {}", tokenIds.size(),
              groupIds.size(), err.getMessage());
          return Future.succeededFuture();
        });
  }
}
