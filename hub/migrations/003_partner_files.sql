-- The partner file exchange: every file received from or sent to a partner, once per partner +
-- direction + name + SHA-256, with where its raw bytes are archived and what became of it.
CREATE TABLE partner_files (
  id             text PRIMARY KEY,
  partner        text NOT NULL,
  -- The connector instance whose file source took the file in (or that wrote it out).
  connector      text,
  direction      text NOT NULL CHECK (direction IN ('in', 'out')),
  name           text NOT NULL,
  sha256         text NOT NULL,
  size           bigint NOT NULL,
  status         text NOT NULL CHECK (status IN ('received', 'processing', 'accepted', 'rejected', 'sent')),
  -- Why the file was rejected (or why the last attempt failed), in words a person can act on.
  error          text,
  archived_path  text,
  -- Ids of the messages the file produced (journal ids), for tracing a file to its events.
  message_ids    jsonb NOT NULL DEFAULT '[]'::jsonb,
  attempts       integer NOT NULL DEFAULT 0,
  -- How often the same name and bytes were dropped; only the first drop is processed.
  seen_count     integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partner, direction, name, sha256)
);
CREATE INDEX partner_files_recent ON partner_files (partner, created_at DESC);
CREATE INDEX partner_files_open ON partner_files (partner, created_at) WHERE status IN ('received', 'processing');
