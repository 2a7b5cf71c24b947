-- The portal's own tables: customers, flights with capacity, allocations, shipments and bookings
-- with their saga state, tracking, customs, payments, partner files and the outbox. Prefixed
-- portal_ because they live in the hub's database. Written for PostgreSQL; PGlite runs it too.

CREATE TABLE portal_customers (
  id          text PRIMARY KEY,
  tenant      text NOT NULL,
  party       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_customers_tenant ON portal_customers (tenant, created_at);

-- Carriers the portal sells for, and the AWB stock it may issue under each prefix: a sequence per
-- prefix whose range is the stock (7-digit serials; the check digit is added when issued). A
-- sequence hands out numbers without a row lock, so concurrent bookings do not queue on it; a
-- booking that is refused after taking a number leaves a gap, as voided AWB stock does.
CREATE TABLE portal_carriers (
  designator    text PRIMARY KEY,
  awb_prefix    text NOT NULL UNIQUE,
  name          text NOT NULL,
  awb_sequence  text NOT NULL
);
CREATE SEQUENCE portal_awb_serial_020 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_057 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_074 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_125 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_157 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_160 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_176 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_235 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_406 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_618 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
CREATE SEQUENCE portal_awb_serial_724 MINVALUE 5000000 MAXVALUE 5999999 START 5000000 NO CYCLE;
INSERT INTO portal_carriers (designator, awb_prefix, name, awb_sequence) VALUES
  ('LH', '020', 'Lufthansa Cargo', 'portal_awb_serial_020'),
  ('AF', '057', 'Air France Cargo', 'portal_awb_serial_057'),
  ('KL', '074', 'KLM Cargo', 'portal_awb_serial_074'),
  ('BA', '125', 'IAG Cargo', 'portal_awb_serial_125'),
  ('QR', '157', 'Qatar Airways Cargo', 'portal_awb_serial_157'),
  ('CX', '160', 'Cathay Cargo', 'portal_awb_serial_160'),
  ('EK', '176', 'Emirates SkyCargo', 'portal_awb_serial_176'),
  ('TK', '235', 'Turkish Cargo', 'portal_awb_serial_235'),
  ('5X', '406', 'UPS Airlines', 'portal_awb_serial_406'),
  ('SQ', '618', 'Singapore Airlines Cargo', 'portal_awb_serial_618'),
  ('LX', '724', 'Swiss WorldCargo', 'portal_awb_serial_724');

-- One row per flight leg and departure date, with what is sold on it. The CHECK is the last line of
-- defence against overbooking; the conditional UPDATE in capacity.ts is the first.
CREATE TABLE portal_flights (
  id                 text PRIMARY KEY,
  carrier            text NOT NULL,
  flight_number      text NOT NULL,
  flight_date        date NOT NULL,
  origin             text NOT NULL,
  destination        text NOT NULL,
  departure_time     text NOT NULL,
  arrival_time       text NOT NULL,
  service_type       text NOT NULL,
  schedule           jsonb NOT NULL,
  capacity_kg        numeric(12, 3) NOT NULL CHECK (capacity_kg >= 0),
  capacity_m3        numeric(12, 3) NOT NULL CHECK (capacity_m3 >= 0),
  capacity_seats     integer CHECK (capacity_seats >= 0),
  booked_kg          numeric(12, 3) NOT NULL DEFAULT 0,
  booked_m3          numeric(12, 3) NOT NULL DEFAULT 0,
  booked_seats       integer NOT NULL DEFAULT 0,
  rate_minor_per_kg  integer NOT NULL CHECK (rate_minor_per_kg >= 0),
  currency           text NOT NULL,
  state              text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'cancelled')),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT portal_flights_no_overbooking CHECK (
    booked_kg >= 0 AND booked_kg <= capacity_kg
    AND booked_m3 >= 0 AND booked_m3 <= capacity_m3
    AND booked_seats >= 0 AND (capacity_seats IS NULL OR booked_seats <= capacity_seats)
  ),
  UNIQUE (carrier, flight_number, flight_date, origin)
);
CREATE INDEX portal_flights_search ON portal_flights (origin, destination, flight_date);

CREATE TABLE portal_allocations (
  id               text PRIMARY KEY,
  flight_id        text NOT NULL REFERENCES portal_flights (id),
  tenant           text NOT NULL,
  booking_id       text,
  weight_kg        numeric(12, 3) NOT NULL,
  volume_m3        numeric(12, 3) NOT NULL,
  seats            integer NOT NULL DEFAULT 0,
  state            text NOT NULL CHECK (state IN ('held', 'confirmed', 'released', 'expired')),
  hold_expires_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_allocations_expiring ON portal_allocations (hold_expires_at) WHERE state = 'held';
CREATE INDEX portal_allocations_flight ON portal_allocations (flight_id, state);

CREATE TABLE portal_shipments (
  id          text PRIMARY KEY,
  tenant      text NOT NULL,
  awb         text NOT NULL UNIQUE,
  booking_id  text NOT NULL,
  status      text NOT NULL,
  shipment    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_shipments_tenant ON portal_shipments (tenant, created_at DESC);

-- A cargo booking, its saga (which steps ran, which failed) and the price asked for it.
CREATE TABLE portal_bookings (
  id             text PRIMARY KEY,
  tenant         text NOT NULL,
  shipment_id    text NOT NULL,
  awb            text NOT NULL,
  allocation_id  text NOT NULL,
  state          text NOT NULL,
  booking        jsonb NOT NULL,
  saga           jsonb NOT NULL,
  charge         jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_bookings_running ON portal_bookings (updated_at) WHERE state IN ('requested', 'held');

CREATE TABLE portal_tracking_events (
  id           text PRIMARY KEY,
  awb          text NOT NULL,
  tenant       text NOT NULL,
  event_time   timestamptz NOT NULL,
  event        jsonb NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_tracking_awb ON portal_tracking_events (awb, event_time, id);

CREATE TABLE portal_customs_declarations (
  id           text PRIMARY KEY,
  tenant       text NOT NULL,
  lrn          text NOT NULL,
  status       text NOT NULL,
  declaration  jsonb NOT NULL,
  responses    jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_customs_lrn ON portal_customs_declarations (lrn);

CREATE TABLE portal_payments (
  id              text PRIMARY KEY,
  tenant          text NOT NULL,
  status          text NOT NULL,
  payment         jsonb NOT NULL,
  refunded_minor  bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portal_refunds (
  id          text PRIMARY KEY,
  tenant      text NOT NULL,
  payment_id  text NOT NULL REFERENCES portal_payments (id),
  status      text NOT NULL,
  refund      jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_refunds_payment ON portal_refunds (payment_id);

-- Files exchanged with partners: bytes kept with their SHA-256; processing status per file.
CREATE TABLE portal_partner_files (
  id             text PRIMARY KEY,
  tenant         text NOT NULL,
  direction      text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  name           text NOT NULL,
  media_type     text NOT NULL,
  size_bytes     integer NOT NULL,
  sha256         text NOT NULL,
  content        bytea NOT NULL,
  status         text NOT NULL,
  status_detail  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_partner_files_tenant ON portal_partner_files (tenant, direction, created_at DESC);

-- Canonical events written with the domain rows that caused them, published to the hub by the
-- relay. Rows are claimed with a lease (claimed_until) so several processes can share the work
-- and none publishes while holding a transaction open.
CREATE TABLE portal_outbox (
  seq            bigserial PRIMARY KEY,
  id             text NOT NULL UNIQUE,
  tenant         text NOT NULL,
  type           text NOT NULL,
  envelope       jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  claimed_until  timestamptz,
  published_at   timestamptz,
  outcome        text
);
CREATE INDEX portal_outbox_unpublished ON portal_outbox (seq) WHERE published_at IS NULL;
