-- The dead-letter list (`interline dlq list`) filters dead deliveries by route or connector. The
-- planner estimates "status = 'dead' AND route_id = x" from each column alone (dead share × route
-- share); once an outage has dead-lettered one route in bulk, that overestimates every other route
-- many times over and it hashes the whole messages table instead of probing a few keys.
-- Joint statistics (most common value pairs, gathered by ANALYZE/autovacuum) give it the real counts.
-- Indexes need no change: deliveries_dead (partial, dead rows only) serves every filter; see
-- docs/dead-letter-queries.md for the plans.
CREATE STATISTICS IF NOT EXISTS deliveries_status_route (mcv) ON status, route_id FROM deliveries;
CREATE STATISTICS IF NOT EXISTS deliveries_status_connector (mcv) ON status, connector FROM deliveries;
