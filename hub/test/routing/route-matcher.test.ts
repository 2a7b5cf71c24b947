import { DEFAULT_RETRY_POLICY } from '../../src/delivery/retry-policy';
import { ConfigError, MappingError } from '../../src/errors';
import { JsonataLimitError } from '../../src/mapping/jsonata-limits';
import type { Route } from '../../src/routing/route';
import { parseRouteFile } from '../../src/routing/route-file';
import { RouteTable, matchesType } from '../../src/routing/route-matcher';

function route(id: string, type: string, when?: string): Route {
  return {
    id,
    file: 'routes/test.yaml',
    from: { type, ...(when !== undefined ? { when } : {}) },
    steps: [{ kind: 'to', connector: 'http', operation: 'deliver' }],
    retry: DEFAULT_RETRY_POLICY,
    timeoutMs: 10_000,
    orderingKey: 'partitionkey',
    concurrency: 8,
  };
}

const envelope = (type: string, data: unknown = {}) => ({ type, id: 'm-1', tenant: 'acme', data });

describe('matchesType', () => {
  it.each([
    ['shipment.booking-requested', 'shipment.booking-requested', true],
    ['shipment.booking-requested', 'shipment.status-changed', false],
    ['shipment.*', 'shipment.booking-requested', true],
    ['shipment.*', 'shipment', false],
    ['shipment.*', 'shipment.booking.requested', false],
    ['*.created', 'pnr.created', true],
    ['*.created', 'pnr.created.again', false],
    ['shipment.#', 'shipment', true],
    ['shipment.#', 'shipment.booking-requested', true],
    ['shipment.#', 'shipment.a.b.c', true],
    ['shipment.#', 'shipments.a', false],
    ['#', 'anything.at.all', true],
    ['#.created', 'pnr.created', true],
    ['#.created', 'created', true],
    ['#.created', 'pnr.created.not', false],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.b.c', false],
    ['a.*.#', 'a', false],
    ['a.*.#', 'a.b', true],
    ['#.*', 'a', true],
    ['*', 'a.b', false],
  ])('%s against %s is %s', (pattern, type, expected) => {
    expect(matchesType(pattern, type)).toBe(expected);
  });
});

describe('RouteTable', () => {
  it('fans one type out to every matching route, exact and wildcard, in file order', async () => {
    const routes = [
      route('audit', '#'),
      route('partner', 'shipment.booking-requested'),
      route('other-type', 'payment.succeeded'),
      route('any-shipment', 'shipment.*'),
      route('erp', 'shipment.booking-requested'),
    ];
    const table = new RouteTable(routes);
    const match = await table.match(envelope('shipment.booking-requested'));
    expect(match.routes.map((r) => r.id)).toEqual(['audit', 'partner', 'any-shipment', 'erp']);
    expect(match.failures).toEqual([]);
    expect(table.routesForType('payment.succeeded').map((r) => r.id)).toEqual(['audit', 'other-type']);
    expect(table.routesForType('party.registered').map((r) => r.id)).toEqual(['audit']);
  });

  it('returns nothing for a type no route listens to', async () => {
    const table = new RouteTable([route('partner', 'shipment.booking-requested')]);
    await expect(table.match(envelope('pnr.created'))).resolves.toEqual({ routes: [], failures: [] });
  });

  it('runs a route only when its predicate over the envelope holds', async () => {
    const table = new RouteTable([
      route('heavy', 'shipment.booking-requested', 'data.weight.value > 100'),
      route('light', 'shipment.booking-requested', 'data.weight.value <= 100'),
      route('acme-only', 'shipment.*', 'tenant = "acme"'),
      route('has-pieces', 'shipment.#', 'data.pieces'),
    ]);
    const heavy = await table.match(envelope('shipment.booking-requested', { weight: { value: 500 } }));
    expect(heavy.routes.map((r) => r.id)).toEqual(['heavy', 'acme-only']);
    const light = await table.match(envelope('shipment.booking-requested', { weight: { value: 5 }, pieces: [{ id: 'p1' }] }));
    expect(light.routes.map((r) => r.id)).toEqual(['light', 'acme-only', 'has-pieces']);
  });

  it('reports a failing predicate for its route only, leaving the others matched', async () => {
    const table = new RouteTable(
      [
        route('broken', 'shipment.booking-requested', 'data.weight.value + "kg"'),
        route('spins', 'shipment.booking-requested', '( $loop := function($i) { $loop($i + 1) }; $loop(0) )'),
        route('fine', 'shipment.booking-requested'),
      ],
      { limits: { timeoutMs: 50 } },
    );
    const match = await table.match(envelope('shipment.booking-requested', { weight: { value: 1 } }));
    expect(match.routes.map((r) => r.id)).toEqual(['fine']);
    expect(match.failures.map((f) => f.route.id)).toEqual(['broken', 'spins']);
    expect(match.failures[0]?.error).toBeInstanceOf(MappingError);
    expect(match.failures[0]?.error.message).toContain("route 'broken' from.when");
    expect(match.failures[1]?.error).toBeInstanceOf(JsonataLimitError);
    expect(match.failures[1]?.error.message).toContain('time limit of 50 ms');
  });

  it('refuses a route whose predicate does not compile, naming its file and line', () => {
    expect(() => new RouteTable([{ ...route('bad', 'a.b', 'data.x >'), line: 7 }])).toThrow(ConfigError);
    expect(() => new RouteTable([{ ...route('bad', 'a.b', 'data.x >'), line: 7 }])).toThrow(/^routes\/test\.yaml:7: JSONata expression route 'bad' from\.when/);
  });

  it('works on routes loaded from YAML', async () => {
    const routes = parseRouteFile(
      [
        'routes:',
        '  - id: partner',
        '    from: { type: shipment.booking-requested, when: "data.weight.value > 0" }',
        '    steps: [validate, { to: http.deliver }]',
        '  - id: status',
        '    from: { type: "shipment.#" }',
        '    steps: [{ to: http.deliver }]',
      ].join('\n'),
      'routes/partner.yaml',
    );
    const table = new RouteTable(routes);
    expect((await table.match(envelope('shipment.booking-requested', { weight: { value: 2 } }))).routes.map((r) => r.id)).toEqual(['partner', 'status']);
    expect((await table.match(envelope('shipment.booking-requested', { weight: { value: 0 } }))).routes.map((r) => r.id)).toEqual(['status']);
  });
});
