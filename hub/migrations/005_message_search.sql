-- `interline messages list` pages the journal newest first (received_at, id) with a keyset cursor;
-- filtered by type it uses messages_type_received, otherwise this index, so neither sorts the table.
CREATE INDEX IF NOT EXISTS messages_received ON messages (received_at DESC, id DESC);
