-- Automatic bans of a channel's models by the relay's error monitor: at once on 401/402/403/404
-- when enabled_no_permission_ban, or when a model's recent error rate reaches max_error_rate
-- (0: the relay's global ENABLE_MODEL_ERROR_AUTO_BAN rule applies).
ALTER TABLE channels ADD COLUMN enabled_no_permission_ban boolean NOT NULL DEFAULT false;
ALTER TABLE channels ADD COLUMN max_error_rate double precision NOT NULL DEFAULT 0
  CHECK (max_error_rate >= 0 AND max_error_rate <= 1);
