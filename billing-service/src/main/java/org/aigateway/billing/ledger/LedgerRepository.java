package org.aigateway.billing.ledger;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The ledger of billed requests and the token and group spend it sums up. */
public final class LedgerRepository {

  /**
   * One atomic statement: records the charges whose request id is new in the ledger, then adds
   * exactly those (the RETURNING rows) to token spend (real tokens only) and group spend.
   */
  private static final String APPLY = """
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::bigint[], $5::numeric[])
          AS t(request_id, request_at, group_id, token_id, amount)
      ), billed AS (
        INSERT INTO billing_ledger (request_id, request_at, group_id, token_id, amount)
        SELECT request_id, request_at, group_id, token_id, amount FROM input
        ON CONFLICT (request_id) DO NOTHING
        RETURNING group_id, token_id, amount
      ), tokens AS (
        INSERT INTO token_spend AS s (token_id, group_id, used_amount, request_count, updated_at)
        SELECT token_id, min(group_id), sum(amount), count(*), now() FROM billed
        WHERE token_id <> 0 GROUP BY token_id ORDER BY token_id
        ON CONFLICT (token_id) DO UPDATE SET used_amount = s.used_amount + excluded.used_amount,
          request_count = s.request_count + excluded.request_count, group_id = excluded.group_id,
          updated_at = excluded.updated_at
      ), groups AS (
        INSERT INTO group_spend AS s (group_id, used_amount, request_count, updated_at)
        SELECT group_id, sum(amount), count(*), now() FROM billed GROUP BY group_id ORDER BY group_id
        ON CONFLICT (group_id) DO UPDATE SET used_amount = s.used_amount + excluded.used_amount,
          request_count = s.request_count + excluded.request_count, updated_at = excluded.updated_at
      )
      SELECT count(*) AS billed FROM billed""";

  private final Pool pool;

  public LedgerRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Bills the charges whose request id was never billed, all or nothing. The request ids of
   * {@code charges} must be distinct.
   *
   * @return how many charges were new
   */
  Future<Integer> apply(List<Charge> charges) {
    if (charges.isEmpty()) {
      return Future.succeededFuture(0);
    }
    Tuple params = Tuple.of(
        charges.stream().map(Charge::requestId).toArray(String[]::new),
        charges.stream().map(c -> time(c.requestAt())).toArray(OffsetDateTime[]::new),
        charges.stream().map(Charge::groupId).toArray(String[]::new),
        charges.stream().map(Charge::tokenId).toArray(Long[]::new),
        charges.stream().map(Charge::amount).toArray(BigDecimal[]::new));
    return pool.preparedQuery(APPLY).execute(params)
        .map(rows -> rows.iterator().next().getLong("billed").intValue());
  }

  private static OffsetDateTime time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
  }
}
