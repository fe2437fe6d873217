-- Request logs owned by log-service (LOG_SQL_DSN, else SQL_DSN). One row per relayed request,
-- idempotent by request_id; amounts are exact decimals.
CREATE TABLE logs (
  id bigserial PRIMARY KEY,
  request_id text NOT NULL UNIQUE,
  request_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ttfb_ms bigint NOT NULL DEFAULT 0,
  duration_ms bigint NOT NULL DEFAULT 0,
  group_id text NOT NULL DEFAULT '',
  token_id bigint NOT NULL DEFAULT 0,
  token_name text NOT NULL DEFAULT '',
  channel_id int NOT NULL DEFAULT 0,
  model text NOT NULL DEFAULT '',
  actual_model text NOT NULL DEFAULT '',
  mode int NOT NULL DEFAULT 0,
  endpoint text NOT NULL DEFAULT '',
  code int NOT NULL DEFAULT 0,
  stream boolean NOT NULL DEFAULT false,
  content text,
  ip text NOT NULL DEFAULT '',
  upstream_id text NOT NULL DEFAULT '',
  input_tokens bigint NOT NULL DEFAULT 0,
  output_tokens bigint NOT NULL DEFAULT 0,
  cached_tokens bigint NOT NULL DEFAULT 0,
  cache_creation_tokens bigint NOT NULL DEFAULT 0,
  reasoning_tokens bigint NOT NULL DEFAULT 0,
  total_tokens bigint NOT NULL DEFAULT 0,
  usage_estimated boolean NOT NULL DEFAULT false,
  truncated boolean NOT NULL DEFAULT false,
  price jsonb NOT NULL DEFAULT '{}',
  input_amount numeric NOT NULL DEFAULT 0,
  cached_amount numeric NOT NULL DEFAULT 0,
  cache_creation_amount numeric NOT NULL DEFAULT 0,
  output_amount numeric NOT NULL DEFAULT 0,
  per_request_amount numeric NOT NULL DEFAULT 0,
  used_amount numeric NOT NULL DEFAULT 0,
  retry_times int NOT NULL DEFAULT 0,
  attempts jsonb NOT NULL DEFAULT '[]'
);

CREATE INDEX logs_request_at_idx ON logs (request_at);
CREATE INDEX logs_created_at_idx ON logs (created_at);
CREATE INDEX logs_group_request_at_idx ON logs (group_id, request_at) INCLUDE (code);
CREATE INDEX logs_model_request_at_idx ON logs (model, request_at) INCLUDE (code);
CREATE INDEX logs_channel_request_at_idx ON logs (channel_id, request_at) INCLUDE (code);
CREATE INDEX logs_group_token_request_at_idx ON logs (group_id, token_name, request_at) INCLUDE (code);

-- Stored request and response bodies, only for events that carry them.
CREATE TABLE request_details (
  id bigserial PRIMARY KEY,
  log_id bigint NOT NULL UNIQUE REFERENCES logs (id) ON DELETE CASCADE,
  request_body text,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now()
);
