-- A worker claims a delivery (with a lease) before running it, so a duplicate job — a republished
-- stale delivery, a publish retried after a broker restart — never runs the same delivery twice
-- at once on two workers. A crashed worker's claim simply expires.
ALTER TABLE deliveries ADD COLUMN claimed_by text;
ALTER TABLE deliveries ADD COLUMN claimed_until timestamptz;
CREATE INDEX deliveries_stale ON deliveries (updated_at) WHERE status IN ('pending', 'retrying');
