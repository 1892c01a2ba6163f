-- ingest's own tables (schema "ingest", history in ingest.ingest_schema_history). serving owns
-- public.platform_connections; these rows reference its ids without a foreign key, so neither
-- module's migrations depend on the other's order.

-- Cursors, page tokens, ETags and "next due" times of one connection, by name.
CREATE TABLE poll_cursors (
  connection_id uuid NOT NULL,
  name          text NOT NULL,
  value         text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, name)
);

-- The posts a connection's poller knows, with when each is next due (young posts often).
CREATE TABLE poll_items (
  connection_id uuid NOT NULL,
  content_id    text NOT NULL,
  published_at  timestamptz NOT NULL,
  next_poll_at  timestamptz NOT NULL,
  PRIMARY KEY (connection_id, content_id)
);
CREATE INDEX poll_items_due ON poll_items (connection_id, next_poll_at);
