package org.aigateway.relay.quota;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.TokenBalance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's copy of what tokens and groups have spent, as billing-service reports it. It listens
 * to {@code gateway.balance.changed} first and then pages through billing's full report, so that no
 * change falls between the two; every report is merged with {@code newer()}, so a late or
 * duplicate report never lowers a total. The full report is reloaded every
 * {@code BALANCE_RESYNC_SECONDS} (events are fire-and-forget). Until billing has answered once,
 * spend that no event reported counts as zero: the relay starts and serves without billing.
 */
public final class BalanceBook {

  private static final Logger LOG = LoggerFactory.getLogger(BalanceBook.class);
  private static final long SEND_TIMEOUT_MS = 5_000;
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long MAX_RETRY_MS = 30_000;

  private final Vertx vertx;
  private final long resyncMs;
  private final Map<Long, TokenBalance> tokens = new ConcurrentHashMap<>();
  private final Map<String, GroupBalance> groups = new ConcurrentHashMap<>();
  private final AtomicBoolean loading = new AtomicBoolean();
  private volatile boolean loaded;
  private volatile boolean closed;
  private MessageConsumer<JsonObject> changes;
  private long resyncTimer = -1;
  private int failures;

  public BalanceBook(Vertx vertx, long resyncMs) {
    this.vertx = vertx;
    this.resyncMs = resyncMs;
  }

  /** Subscribes to balance changes, then starts loading the full report in the background. */
  public Future<Void> start() {
    changes = vertx.eventBus().consumer(Addresses.BALANCE_CHANGED, message -> onChange(message.body()));
    return changes.completion().onSuccess(v -> {
      load();
      resyncTimer = vertx.setPeriodic(resyncMs, id -> load());
    });
  }

  public Future<Void> close() {
    closed = true;
    if (resyncTimer >= 0) {
      vertx.cancelTimer(resyncTimer);
    }
    return changes == null ? Future.succeededFuture() : changes.unregister();
  }

  /** Whether billing's full report has been loaded at least once. */
  public boolean loaded() {
    return loaded;
  }

  /** The token's latest reported spend, {@code null} when none is known. */
  public TokenBalance token(long tokenId) {
    return tokens.get(tokenId);
  }

  /** The group's total spend, zero when none is known. */
  public BigDecimal groupUsed(String groupId) {
    GroupBalance balance = groups.get(groupId);
    return balance == null ? BigDecimal.ZERO : balance.usedAmount();
  }

  public void apply(BalanceChanged change) {
    merge(change.tokens(), change.groups());
  }

  /** Loads billing's full report once; a load already running makes this a no-op. */
  Future<Void> load() {
    if (closed || !loading.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return page(BalanceQuery.FIRST)
        .onSuccess(v -> loadedOnce())
        .onFailure(this::loadFailed)
        .onComplete(done -> loading.set(false));
  }

  private Future<Void> page(BalanceQuery query) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.BILLING_BALANCE_QUERY, query.toJson(),
            new DeliveryOptions().setSendTimeout(SEND_TIMEOUT_MS))
        .map(reply -> BalanceSnapshot.fromJson(reply.body()))
        .compose(snapshot -> {
          merge(snapshot.tokens(), snapshot.groups());
          return snapshot.next(query).map(this::page).orElse(Future.succeededFuture());
        });
  }

  private void merge(List<TokenBalance> tokenReports, List<GroupBalance> groupReports) {
    tokenReports.forEach(report -> tokens.merge(report.tokenId(), report, TokenBalance::newer));
    groupReports.forEach(report -> groups.merge(report.groupId(), report, GroupBalance::newer));
  }

  private void loadedOnce() {
    if (!loaded || failures > 0) {
      LOG.info("Balances loaded from billing-service: {} tokens and {} groups", tokens.size(), groups.size());
    }
    loaded = true;
    failures = 0;
  }

  /** Until the first load, retries with a growing pause; afterwards the periodic resync retries. */
  private void loadFailed(Throwable err) {
    failures++;
    if (failures == 1) {
      LOG.warn("billing-service did not answer the balance query ({}); spend it has not reported counts as "
          + "zero until it does", err.getMessage());
    } else {
      LOG.debug("Balance query failed again ({} times): {}", failures, err.getMessage());
    }
    if (!loaded && !closed) {
      long delay = Math.min(Math.min(MAX_RETRY_MS, resyncMs), FIRST_RETRY_MS << Math.min(failures - 1, 5));
      vertx.setTimer(delay, id -> load());
    }
  }

  private void onChange(JsonObject body) {
    try {
      apply(BalanceChanged.fromJson(body));
    } catch (RuntimeException e) {
      LOG.warn("Ignoring a malformed balance-changed event {}", body, e);
    }
  }
}
