-- The message journal: messages, their deliveries per route, every state transition, step outcomes,
-- edits and audit. Written for PostgreSQL; PGlite runs the same file.

CREATE TABLE messages (
  id              text PRIMARY KEY,
  type            text,
  source          text,
  subject         text,
  tenant          text NOT NULL DEFAULT 'default',
  correlation_id  text,
  causation_id    text,
  partition_key   text,
  -- The current envelope (after any edit); NULL when the input was not valid JSON.
  envelope        jsonb,
  -- The bytes as received when they could not be parsed, so nothing is ever dropped.
  raw             text,
  received_at     timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_correlation ON messages (correlation_id);
CREATE INDEX messages_causation ON messages (causation_id);
CREATE INDEX messages_type_received ON messages (type, received_at);

-- One row per message and route. The pseudo-route '$ingress' holds messages rejected before routing.
CREATE TABLE deliveries (
  message_id            text NOT NULL REFERENCES messages (id),
  route_id              text NOT NULL,
  connector             text,
  status                text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'filtered', 'dead', 'discarded', 'replayed')),
  attempts              integer NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz,
  last_error_class      text,
  last_error_message    text,
  last_error_step       text,
  last_error_connector  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, route_id)
);
CREATE INDEX deliveries_dead ON deliveries (updated_at DESC) WHERE status = 'dead';
CREATE INDEX deliveries_open ON deliveries (created_at) WHERE status IN ('pending', 'retrying');

-- Append-only history: the journal proper.
CREATE TABLE transitions (
  id             bigserial PRIMARY KEY,
  message_id     text NOT NULL,
  route_id       text,
  state          text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  attempt        integer,
  error_class    text,
  error_message  text,
  connector      text,
  step           text,
  detail         jsonb
);
CREATE INDEX transitions_message ON transitions (message_id, id);

-- A side-effecting step that completed; written in the same transaction as what it emitted.
CREATE TABLE step_results (
  message_id    text NOT NULL,
  route_id      text NOT NULL,
  step_key      text NOT NULL,
  result        jsonb,
  completed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, route_id, step_key)
);

-- Every edit of a message: the envelope before the patch, and the patch.
CREATE TABLE message_revisions (
  message_id  text NOT NULL,
  revision    integer NOT NULL,
  envelope    jsonb,
  raw         text,
  patch       jsonb NOT NULL,
  actor       text NOT NULL,
  reason      text,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, revision)
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  message_id  text,
  route_id    text,
  reason      text,
  detail      jsonb
);
CREATE INDEX audit_log_message ON audit_log (message_id);

CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  key           text,
  envelope      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE idempotency_keys (
  scope         text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  PRIMARY KEY (scope, key)
);

CREATE TABLE bindings (
  connector     text NOT NULL,
  entity        text NOT NULL,
  tenant        text NOT NULL DEFAULT 'default',
  canonical_id  text NOT NULL,
  external_id   text NOT NULL,
  synced_at     timestamptz NOT NULL DEFAULT now(),
  extra         jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (connector, entity, tenant, canonical_id),
  UNIQUE (connector, entity, tenant, external_id)
);

CREATE TABLE connector_state (
  connector   text NOT NULL,
  key         text NOT NULL,
  value       jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, key)
);
