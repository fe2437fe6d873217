package org.aigateway.relay.quota;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import org.aigateway.protocol.config.Settings;
import org.aigateway.relay.limit.LimitConfig;
import org.aigateway.relay.limit.RateLimiter;
import org.aigateway.relay.limit.RateLimiters;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.runtime.cluster.VertxFactory;

/**
 * The relay's admission machinery in one place: the rate limiter (shared through Redis when the
 * relay has a Redis client), the balance book, the access gate and the billing dashboard routes.
 * The clock places requests in rate-limit windows and quota periods (tests move it).
 */
public final class Quotas {

  private final QuotaConfig config;
  private final Clock clock;
  private final RateLimiter limiter;
  private final BalanceBook book;
  private final AccessGate gate;
  private final BillingDashboardHandler dashboard;

  private Quotas(QuotaConfig config, Clock clock, RateLimiter limiter, BalanceBook book) {
    this.config = config;
    this.clock = clock;
    this.limiter = limiter;
    this.book = book;
    this.gate = new AccessGate(new ClientAddress(config.trustedProxies()), config.disableServe());
    this.dashboard = new BillingDashboardHandler(book, clock);
  }

  /** @param redis the relay's Redis client, {@code null} for limits per instance */
  public static Quotas create(Vertx vertx, Settings settings, Redis redis, Clock clock) {
    QuotaConfig config = QuotaConfig.from(settings);
    RateLimiter limiter = RateLimiters.create(vertx, redis, LimitConfig.from(settings), clock, VertxFactory.METRICS);
    return new Quotas(config, clock, limiter, new BalanceBook(vertx, config.balanceResyncMs()));
  }

  /** Loads the limiter's scripts and subscribes the balance book; never waits for billing-service. */
  public Future<Void> start() {
    return Future.all(limiter.start(), book.start()).mapEmpty();
  }

  public Future<Void> close() {
    limiter.close();
    return book.close();
  }

  public Clock clock() {
    return clock;
  }

  public BalanceBook book() {
    return book;
  }

  public Admission admission(SnapshotStore store) {
    return new Admission(store, book, limiter, config, clock);
  }

  /**
   * Registers the access gate on every relay route ({@code /v1/*} and Gemini's {@code /v1beta/*}) and
   * the dashboard routes; mount right after authentication.
   */
  public void mount(Router router) {
    router.routeWithRegex("/v1(beta)?/.*").handler(gate::handle);
    router.get("/v1/dashboard/billing/subscription").handler(dashboard::subscription);
    router.get("/v1/dashboard/billing/usage").handler(dashboard::usage);
    router.get("/v1/dashboard/billing/quota").handler(dashboard::quota);
  }
}
