-- Issue 5: group balances and group model configs.
-- balance: the credit granted to the group in total; NULL means no balance limit (the default).
ALTER TABLE groups ADD COLUMN balance numeric CHECK (balance >= 0);

-- A group's overrides of one model's config; each override applies only when its flag is set.
CREATE TABLE group_model_configs (
  group_id varchar(64) NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  model varchar(128) NOT NULL,
  override_limit boolean NOT NULL DEFAULT false,
  rpm bigint NOT NULL DEFAULT 0,
  tpm bigint NOT NULL DEFAULT 0,
  override_price boolean NOT NULL DEFAULT false,
  price jsonb NOT NULL DEFAULT '{}',
  override_retry_times boolean NOT NULL DEFAULT false,
  retry_times int NOT NULL DEFAULT 0,
  override_timeout boolean NOT NULL DEFAULT false,
  timeout_config jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, model)
);
