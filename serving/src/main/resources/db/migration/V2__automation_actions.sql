-- Issue 7, serving actions: what an execution used (model, tokens, which firing) and the
-- per-rule webhook signing secret (AES-256-GCM with STUDIO_TOKEN_KEY, rule id as associated data).
ALTER TABLE automation_executions
  ADD COLUMN subject       text,
  ADD COLUMN model         text,
  ADD COLUMN input_tokens  integer,
  ADD COLUMN output_tokens integer,
  ADD COLUMN fired_at      timestamptz;

ALTER TABLE automation_rules
  ADD COLUMN webhook_secret bytea;

CREATE INDEX automation_executions_rule ON automation_executions (rule_id, started_at DESC);
