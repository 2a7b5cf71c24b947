// The iata-onerecord mappings against their fixture cases (mappings/src/iata-onerecord/*.cases.json),
// run by the hub's own fixture runner, as `interline mappings test` runs them.
import path from 'node:path';
import { MappingRegistry, readMappingCases, runMappingCases } from '@interline/hub';
import type { Mapping } from '@interline/hub';
import bookingMapping from '../../../mappings/src/iata-onerecord/cargo-booking-to-booking.mapping';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';

const MAPPINGS_ROOT = path.resolve(__dirname, '..', '..', '..', 'mappings');
const MAPPINGS = [shipmentMapping, eventMapping, bookingMapping] as Mapping[];

describe.each(MAPPINGS.map((mapping) => [mapping.id, mapping] as const))('%s', (id, mapping) => {
  it('passes every fixture case, including the refusals', async () => {
    const registry = new MappingRegistry().register(mapping);
    const cases = await readMappingCases(MAPPINGS_ROOT, id);
    expect(cases.length).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.error !== undefined)).toBe(true);
    const results = await runMappingCases(registry, { mappingId: id, casesFor: () => cases });
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });
});
