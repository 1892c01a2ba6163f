-- Serving's schema. Every tenant-owned row carries creator_id; a creator belongs to one user.

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL UNIQUE,            -- stored lower-cased
  password_hash text NOT NULL,
  display_name  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A creator is the tenant of metrics and content (the events' creatorId). A user owns one or more.
CREATE TABLE creators (
  id           text PRIMARY KEY,
  owner_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  display_name text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX creators_owner ON creators (owner_id, created_at);

-- Rotating refresh tokens: only a SHA-256 hash is stored. A family is one login's chain of
-- rotations; presenting a used or revoked token revokes the whole family.
CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id   uuid NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Platform accounts a creator connected; tokens are AES-GCM ciphertexts (nonce || ciphertext).
CREATE TABLE platform_connections (
  id             uuid PRIMARY KEY,
  creator_id     text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  platform       text NOT NULL,
  account_handle text NOT NULL,
  access_token   bytea NOT NULL,
  refresh_token  bytea,
  scopes         text NOT NULL DEFAULT '',
  expires_at     timestamptz,
  status         text NOT NULL DEFAULT 'active',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (creator_id, platform, account_handle)
);

CREATE TABLE content_items (
  id           uuid PRIMARY KEY,
  creator_id   text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  title        text NOT NULL,
  body         text NOT NULL,
  platform     text NOT NULL,
  content_type text NOT NULL,
  status       text NOT NULL,                    -- draft | scheduled | published | archived
  hashtags     text NOT NULL DEFAULT '',         -- space separated, without '#'
  source       text NOT NULL DEFAULT 'manual',   -- manual | generated | template
  metadata     text,                             -- JSON set by generation (provider, cost ...)
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_items_creator ON content_items (creator_id, updated_at DESC);

CREATE TABLE content_schedule (
  id          uuid PRIMARY KEY,
  content_id  uuid NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  creator_id  text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  platform    text NOT NULL,
  publish_at  timestamptz NOT NULL,
  status      text NOT NULL DEFAULT 'pending',  -- pending | published | cancelled | failed
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_schedule_creator ON content_schedule (creator_id, publish_at);
CREATE UNIQUE INDEX content_schedule_one_pending ON content_schedule (content_id)
  WHERE status = 'pending';

-- Automation (issue 7): rules mirror studio.rules.v1; executions are idempotent on trigger_id.
CREATE TABLE automation_rules (
  id               uuid PRIMARY KEY,
  creator_id       text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  name             text NOT NULL,
  metric           text NOT NULL,            -- family.value, e.g. engagement.engagement_score
  scope            text NOT NULL,            -- content | creator | hashtag
  subject          text,                     -- content id or hashtag; null = any
  comparator       text NOT NULL,            -- gt | gte | lt | lte
  threshold        double precision NOT NULL,
  window_seconds   integer NOT NULL,
  cooldown_seconds integer NOT NULL,
  enabled          boolean NOT NULL DEFAULT true,
  action_type      text NOT NULL,            -- draft | notify | webhook
  action_settings  text NOT NULL DEFAULT '{}',
  version          bigint NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX automation_rules_creator ON automation_rules (creator_id);

CREATE TABLE automation_executions (
  id           uuid PRIMARY KEY,
  trigger_id   text NOT NULL UNIQUE,
  rule_id      uuid REFERENCES automation_rules (id) ON DELETE SET NULL,
  creator_id   text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  action_type  text NOT NULL,
  status       text NOT NULL,               -- running | succeeded | failed
  error        text,
  provider     text,
  cost_usd     numeric(12, 6),
  content_id   uuid REFERENCES content_items (id) ON DELETE SET NULL,
  context      text,
  attempts     integer NOT NULL DEFAULT 1,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX automation_executions_creator ON automation_executions (creator_id, started_at DESC);

-- Audience and revenue records (actor ids and customer emails are hashed upstream).
CREATE TABLE audience_members (
  creator_id   text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  platform     text NOT NULL,
  actor_id     text NOT NULL,
  first_seen   timestamptz NOT NULL,
  last_seen    timestamptz NOT NULL,
  interactions bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (creator_id, platform, actor_id)
);

CREATE TABLE customers (
  id                   uuid PRIMARY KEY,
  creator_id           text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  platform             text NOT NULL,
  platform_customer_id text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (creator_id, platform, platform_customer_id)
);

CREATE TABLE transactions (
  id           uuid PRIMARY KEY,
  creator_id   text NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
  customer_id  uuid REFERENCES customers (id) ON DELETE SET NULL,
  external_id  text NOT NULL,
  kind         text NOT NULL,               -- payment | refund | subscription
  amount_minor bigint NOT NULL,
  currency     char(3) NOT NULL,
  occurred_at  timestamptz NOT NULL,
  UNIQUE (creator_id, external_id)
);
