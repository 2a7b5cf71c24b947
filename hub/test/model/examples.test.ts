// Every example of every canonical object validates against its own schema: the examples are the
// fixtures other suites and the API docs rely on, so a broken one must fail here first.
import { check } from '../../src/validation';
import { MODEL_SCHEMAS, modelExamples, modelNames, SCHEMA_ID_BASE } from '../../src/model';

describe('model examples', () => {
  const names = modelNames();

  it('covers all thirteen models', () => {
    expect(names).toEqual([
      'Party', 'Shipment', 'TrackingEvent', 'CargoBooking', 'Flight', 'Pnr', 'CustomsDeclaration',
      'CustomsResponse', 'Payment', 'Refund', 'Order', 'Invoice', 'TestPing',
    ]);
  });

  it.each(names)('%s has at least two examples', (name) => {
    expect(modelExamples(name).length).toBeGreaterThanOrEqual(2);
  });

  it.each(names)('every %s example validates', (name) => {
    const failures = modelExamples(name)
      .map((example, index) => ({ index, result: check(MODEL_SCHEMAS[name], example) }))
      .filter(({ result }) => !result.ok);
    expect(failures).toEqual([]);
  });

  it.each(names)('%s has a versioned $id, a title, a description and is closed to unknown fields', (name) => {
    const schema = MODEL_SCHEMAS[name];
    expect(schema.$id).toMatch(new RegExp(`^${SCHEMA_ID_BASE}/[a-z-]+/v1$`));
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
    expect(schema.additionalProperties).toBe(false);
  });

  it('gives distinct $ids to distinct models', () => {
    const ids = names.map((name) => MODEL_SCHEMAS[name].$id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(names)('every property of %s carries a description', (name) => {
    const undocumented = Object.entries(MODEL_SCHEMAS[name].properties as Record<string, { description?: string }>)
      .filter(([, property]) => typeof property.description !== 'string' || property.description.length === 0)
      .map(([key]) => key);
    expect(undocumented).toEqual([]);
  });

  it('hands out copies, so a test mutating an example cannot corrupt the next', () => {
    const first = modelExamples('Party');
    first[0]!.name = 'changed';
    expect(modelExamples('Party')[0]!.name).not.toBe('changed');
  });

  it('refuses an unknown model name and lists the known ones', () => {
    expect(() => modelExamples('Parcel')).toThrow(/Unknown model "Parcel"; known models: Party, Shipment/);
  });
});
