-- Issue 5: spend per token quota period, and billing that can be switched off (BILLING_ENABLED).
-- charged: false when the request was recorded while billing was disabled; it then adds nothing to spend.
ALTER TABLE billing_ledger
  ADD COLUMN period_type text NOT NULL DEFAULT 'monthly',
  ADD COLUMN period_start timestamptz,
  ADD COLUMN charged boolean NOT NULL DEFAULT true;

-- The period type and anchor of a token are those of its latest billed request.
ALTER TABLE token_spend
  ADD COLUMN period_type text NOT NULL DEFAULT 'monthly',
  ADD COLUMN period_anchor timestamptz NOT NULL DEFAULT 'epoch',
  ADD COLUMN last_request_at timestamptz NOT NULL DEFAULT 'epoch';

-- A token's spend in each quota period: daily (UTC day), weekly (7 days from the anchor), monthly (UTC month).
CREATE TABLE token_period_spend (
  token_id bigint NOT NULL,
  period_type text NOT NULL,
  period_start timestamptz NOT NULL,
  used_amount numeric NOT NULL DEFAULT 0,
  request_count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (token_id, period_type, period_start)
);

-- Requests billed before this migration count towards their calendar month, the default period.
UPDATE billing_ledger
  SET period_start = date_trunc('month', request_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
  WHERE period_start IS NULL;
ALTER TABLE billing_ledger ALTER COLUMN period_start SET NOT NULL;

INSERT INTO token_period_spend (token_id, period_type, period_start, used_amount, request_count)
  SELECT token_id, 'monthly', period_start, sum(amount), count(*)
  FROM billing_ledger WHERE token_id <> 0 GROUP BY token_id, period_start;

UPDATE token_spend s SET last_request_at = l.last_request_at
  FROM (SELECT token_id, max(request_at) AS last_request_at FROM billing_ledger GROUP BY token_id) l
  WHERE l.token_id = s.token_id;
