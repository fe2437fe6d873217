-- A token's own requests and tokens per minute over all its models, on top of the group x model
-- limits; 0 means unlimited.
ALTER TABLE tokens ADD COLUMN rpm bigint NOT NULL DEFAULT 0 CHECK (rpm >= 0);
ALTER TABLE tokens ADD COLUMN tpm bigint NOT NULL DEFAULT 0 CHECK (tpm >= 0);
