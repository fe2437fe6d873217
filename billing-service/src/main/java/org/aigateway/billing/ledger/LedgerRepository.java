package org.aigateway.billing.ledger;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The ledger of billed requests and the token, token-period and group spend it sums up. */
public final class LedgerRepository {

  /**
   * One atomic statement: records the charges whose request id is new in the ledger, then adds
   * exactly those (the RETURNING rows) to token spend and token period spend (real tokens only)
   * and to group spend; uncharged rows (billing disabled) count as requests with no amount. A
   * token's period type and anchor follow its latest request. Returns what was billed and whom.
   */
  private static final String APPLY = """
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::bigint[], $5::numeric[], $6::text[],
                             $7::timestamptz[], $8::timestamptz[])
          AS t(request_id, request_at, group_id, token_id, amount, period_type, period_start, period_anchor)
      ), billed AS (
        INSERT INTO billing_ledger (request_id, request_at, group_id, token_id, amount, period_type, period_start, charged)
        SELECT request_id, request_at, group_id, token_id, amount, period_type, period_start, $9 FROM input
        ON CONFLICT (request_id) DO NOTHING
        RETURNING request_id, request_at, group_id, token_id, period_type, period_start,
          CASE WHEN charged THEN amount ELSE 0 END AS charge
      ), token_charges AS (
        SELECT b.*, i.period_anchor FROM billed b JOIN input i USING (request_id) WHERE b.token_id <> 0
      ), tokens AS (
        INSERT INTO token_spend AS s (token_id, group_id, used_amount, request_count, period_type, period_anchor,
          last_request_at, updated_at)
        SELECT token_id, (array_agg(group_id ORDER BY request_at DESC))[1], sum(charge), count(*),
          (array_agg(period_type ORDER BY request_at DESC))[1], (array_agg(period_anchor ORDER BY request_at DESC))[1],
          max(request_at), now()
        FROM token_charges GROUP BY token_id ORDER BY token_id
        ON CONFLICT (token_id) DO UPDATE SET used_amount = s.used_amount + excluded.used_amount,
          request_count = s.request_count + excluded.request_count, updated_at = excluded.updated_at,
          group_id = CASE WHEN excluded.last_request_at >= s.last_request_at THEN excluded.group_id ELSE s.group_id END,
          period_type = CASE WHEN excluded.last_request_at >= s.last_request_at
            THEN excluded.period_type ELSE s.period_type END,
          period_anchor = CASE WHEN excluded.last_request_at >= s.last_request_at
            THEN excluded.period_anchor ELSE s.period_anchor END,
          last_request_at = greatest(s.last_request_at, excluded.last_request_at)
        RETURNING token_id
      ), periods AS (
        INSERT INTO token_period_spend AS p (token_id, period_type, period_start, used_amount, request_count, updated_at)
        SELECT token_id, period_type, period_start, sum(charge), count(*), now() FROM token_charges
        GROUP BY token_id, period_type, period_start ORDER BY token_id, period_type, period_start
        ON CONFLICT (token_id, period_type, period_start) DO UPDATE SET
          used_amount = p.used_amount + excluded.used_amount, request_count = p.request_count + excluded.request_count,
          updated_at = excluded.updated_at
      ), groups AS (
        INSERT INTO group_spend AS s (group_id, used_amount, request_count, updated_at)
        SELECT group_id, sum(charge), count(*), now() FROM billed GROUP BY group_id ORDER BY group_id
        ON CONFLICT (group_id) DO UPDATE SET used_amount = s.used_amount + excluded.used_amount,
          request_count = s.request_count + excluded.request_count, updated_at = excluded.updated_at
        RETURNING group_id
      )
      SELECT (SELECT count(*) FROM billed) AS billed,
        ARRAY(SELECT token_id FROM tokens ORDER BY token_id) AS token_ids,
        ARRAY(SELECT group_id FROM groups ORDER BY group_id) AS group_ids""";

  private final Pool pool;

  public LedgerRepository(Pool pool) {
    this.pool = pool;
  }

  /** What one batch billed: how many requests were new, and the tokens and groups they were billed to. */
  public record Applied(int billed, List<Long> tokenIds, List<String> groupIds) {

    static final Applied NOTHING = new Applied(0, List.of(), List.of());
  }

  /**
   * Bills the charges whose request id was never billed, all or nothing. The request ids of
   * {@code charges} must be distinct. With {@code charged} false the requests are recorded and
   * counted but add no amount to any spend.
   */
  Future<Applied> apply(List<Charge> charges, boolean charged) {
    if (charges.isEmpty()) {
      return Future.succeededFuture(Applied.NOTHING);
    }
    Tuple params = Tuple.of(
        column(charges, Charge::requestId, String[]::new),
        column(charges, c -> time(c.requestAt()), OffsetDateTime[]::new),
        column(charges, Charge::groupId, String[]::new),
        column(charges, Charge::tokenId, Long[]::new),
        column(charges, Charge::amount, BigDecimal[]::new),
        column(charges, c -> c.period().type(), String[]::new),
        column(charges, c -> time(c.periodStart()), OffsetDateTime[]::new),
        column(charges, c -> time(c.periodAnchor()), OffsetDateTime[]::new))
        .addValue(charged);
    return pool.preparedQuery(APPLY).execute(params).map(rows -> applied(rows.iterator().next()));
  }

  private static Applied applied(Row row) {
    return new Applied(row.getLong("billed").intValue(), Arrays.asList(row.getArrayOfLongs("token_ids")),
        Arrays.asList(row.getArrayOfStrings("group_ids")));
  }

  private static <T> T[] column(List<Charge> charges, Function<Charge, T> value, IntFunction<T[]> array) {
    return charges.stream().map(value).toArray(array);
  }

  private static OffsetDateTime time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
  }
}
