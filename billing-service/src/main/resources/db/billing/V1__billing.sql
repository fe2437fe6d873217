-- Spend owned by billing-service. The ledger holds one row per billed request, so that a replayed
-- usage event is recognised and never billed twice; the spend tables are the running sums of it.
CREATE TABLE billing_ledger (
  request_id text PRIMARY KEY,
  request_at timestamptz NOT NULL,
  group_id text NOT NULL,
  token_id bigint NOT NULL DEFAULT 0,
  amount numeric NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE token_spend (
  token_id bigint PRIMARY KEY,
  group_id text NOT NULL,
  used_amount numeric NOT NULL DEFAULT 0,
  request_count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_spend (
  group_id text PRIMARY KEY,
  used_amount numeric NOT NULL DEFAULT 0,
  request_count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
