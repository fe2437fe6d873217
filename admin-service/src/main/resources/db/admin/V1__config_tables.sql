-- Configuration owned by admin-service; relays read it through org.aigateway.runtime.config.ConfigReader.
CREATE TABLE channels (
  id serial PRIMARY KEY,
  type int NOT NULL,
  name varchar(64) NOT NULL DEFAULT '',
  key text NOT NULL DEFAULT '',
  base_url varchar(128) NOT NULL DEFAULT '',
  models jsonb NOT NULL DEFAULT '[]',
  model_mapping jsonb NOT NULL DEFAULT '{}',
  priority int NOT NULL DEFAULT 0,
  status int NOT NULL DEFAULT 1,
  sets jsonb NOT NULL DEFAULT '["default"]',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE groups (
  id varchar(64) PRIMARY KEY,
  status int NOT NULL DEFAULT 1,
  rpm_ratio double precision NOT NULL DEFAULT 1,
  tpm_ratio double precision NOT NULL DEFAULT 1,
  available_sets jsonb NOT NULL DEFAULT '["default"]',
  balance_alert_enabled boolean NOT NULL DEFAULT false,
  balance_alert_threshold numeric NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tokens (
  id bigserial PRIMARY KEY,
  key char(48) NOT NULL UNIQUE,
  name varchar(32) NOT NULL,
  group_id varchar(64) NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  subnets jsonb NOT NULL DEFAULT '[]',
  models jsonb NOT NULL DEFAULT '[]',
  status int NOT NULL DEFAULT 1,
  quota numeric NOT NULL DEFAULT 0,
  period_quota numeric NOT NULL DEFAULT 0,
  period_type varchar(16) NOT NULL DEFAULT 'monthly',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, name)
);

CREATE TABLE model_configs (
  model varchar(128) PRIMARY KEY,
  owner varchar(64) NOT NULL DEFAULT '',
  type int NOT NULL DEFAULT 0,
  rpm bigint NOT NULL DEFAULT 0,
  tpm bigint NOT NULL DEFAULT 0,
  retry_times int NOT NULL DEFAULT 0,
  timeout_config jsonb NOT NULL DEFAULT '{}',
  price jsonb NOT NULL DEFAULT '{}',
  config jsonb NOT NULL DEFAULT '{}',
  plugin jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
