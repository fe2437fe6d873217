package org.aigateway.log.write;

/** The statement that stores a batch of logs; its parameters are built by {@link LogBatchParams}. */
final class LogSql {

  /**
   * One statement per batch: unnests one array per column, inserts the rows whose request id is
   * new, adds the bodies of those rows only, and returns how many rows were stored.
   */
  static final String INSERT_BATCH = """
      WITH input AS (
        SELECT * FROM unnest(
          $1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[], $7::text[],
          $8::int[], $9::text[], $10::text[], $11::int[], $12::text[], $13::int[], $14::boolean[], $15::text[],
          $16::text[], $17::text[], $18::bigint[], $19::bigint[], $20::bigint[], $21::bigint[], $22::bigint[],
          $23::bigint[], $24::boolean[], $25::boolean[], $26::text[], $27::numeric[], $28::numeric[],
          $29::numeric[], $30::numeric[], $31::numeric[], $32::numeric[], $33::int[], $34::text[], $35::text[],
          $36::text[])
        AS t(request_id, request_at, ttfb_ms, duration_ms, group_id, token_id, token_name,
          channel_id, model, actual_model, mode, endpoint, code, stream, content,
          ip, upstream_id, input_tokens, output_tokens, cached_tokens, cache_creation_tokens, reasoning_tokens,
          total_tokens, usage_estimated, truncated, price, input_amount, cached_amount,
          cache_creation_amount, output_amount, per_request_amount, used_amount, retry_times, attempts, request_body,
          response_body)
      ), stored AS (
        INSERT INTO logs (request_id, request_at, ttfb_ms, duration_ms, group_id, token_id, token_name,
          channel_id, model, actual_model, mode, endpoint, code, stream, content,
          ip, upstream_id, input_tokens, output_tokens, cached_tokens, cache_creation_tokens, reasoning_tokens,
          total_tokens, usage_estimated, truncated, price, input_amount, cached_amount,
          cache_creation_amount, output_amount, per_request_amount, used_amount, retry_times, attempts)
        SELECT request_id, request_at, ttfb_ms, duration_ms, group_id, token_id, token_name,
          channel_id, model, actual_model, mode, endpoint, code, stream, content,
          ip, upstream_id, input_tokens, output_tokens, cached_tokens, cache_creation_tokens, reasoning_tokens,
          total_tokens, usage_estimated, truncated, price::jsonb, input_amount, cached_amount,
          cache_creation_amount, output_amount, per_request_amount, used_amount, retry_times, attempts::jsonb
        FROM input
        ON CONFLICT (request_id) DO NOTHING
        RETURNING id, request_id
      ), details AS (
        INSERT INTO request_details (log_id, request_body, response_body)
        SELECT s.id, i.request_body, i.response_body
        FROM stored s JOIN input i ON i.request_id = s.request_id
        WHERE i.request_body IS NOT NULL OR i.response_body IS NOT NULL
      )
      SELECT count(*) AS stored FROM stored""";

  private LogSql() {
  }
}
