// The iata-onerecord mappings against their fixture cases (mappings/src/iata-onerecord/*.cases.json),
// run by the hub's own fixture runner, as `interline mappings test` runs them.
import path from 'node:path';
import { casesIn, describeMappingFixtures } from '@interline/hub/testing';
import bookingMapping from '../../../mappings/src/iata-onerecord/cargo-booking-to-booking.mapping';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import subscriptionMapping from '../../../mappings/src/iata-onerecord/shipment-to-waybill-subscription.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import { SubscribeInputSchema } from '../src/operations/subscribe';

// JSON-LD outputs are checked by the round-trip and expansion tests; the subscription input by the operation's schema.
describeMappingFixtures('iata-onerecord mappings (mappings/src/iata-onerecord)', {
  casesFor: casesIn(path.resolve(__dirname, '..', '..', '..', 'mappings')),
  minimumCases: 3,
  mappings: [{ mapping: shipmentMapping }, { mapping: eventMapping }, { mapping: bookingMapping }, { mapping: subscriptionMapping, output: SubscribeInputSchema }],
});
