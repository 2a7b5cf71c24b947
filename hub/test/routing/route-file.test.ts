import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_RETRY_POLICY } from '../../src/delivery/retry-policy';
import { ConfigError } from '../../src/errors';
import { checkRouteReferences, loadRoutes, parseRouteFile } from '../../src/routing/route-file';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project folder with routes/<name> files; messages name files relative to it. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'interline-routes-'));
  roots.push(root);
  mkdirSync(path.join(root, 'routes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'routes', name), text);
  return root;
}

async function load(files: Record<string, string>) {
  const root = project(files);
  return loadRoutes(path.join(root, 'routes'), { displayRoot: root });
}

/** The ConfigError message of loading these files. */
async function problemsOf(files: Record<string, string>): Promise<string> {
  const error = await load(files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

const PARTNER = `routes:
  - id: shipment-to-partner
    description: Bookings go to the partner over HTTP
    from: { type: shipment.booking-requested, when: "data.weight.value > 0" }
    steps:
      - validate
      - map: http/shipment-to-partner
      - filter: "data.pieces.count > 0"
      - split: "pieces"
      - to: http.deliver
    retry: { attempts: 5, baseDelay: 200ms, maxDelay: 30s, maxAge: 1h }
    timeout: 10s
    ordering: partitionkey
    concurrency: 8

  - id: shipment-to-erp
    from:
      type: shipment.*
    steps:
      - validate: CargoBooking
      - validate:
      - to: odoo.create-shipment
    retry:
      attempts: 3
      maxAge: 1d
    timeout: 2500
    ordering: subject
    concurrency: 2
`;

const AUDIT = `# Everything, for the audit trail.
routes:
  - id: audit-all
    from: { type: "#" }
    steps: [ { to: audit.record } ]
`;

describe('loadRoutes', () => {
  it('loads several files and routes in file-name order, with defaults, durations and lines', async () => {
    const routes = await load({ 'b-partner.yaml': PARTNER, 'a-audit.yml': AUDIT, 'notes.txt': 'ignored' });
    expect(routes.map((r) => [r.id, r.file])).toEqual([
      ['audit-all', path.join('routes', 'a-audit.yml')],
      ['shipment-to-partner', path.join('routes', 'b-partner.yaml')],
      ['shipment-to-erp', path.join('routes', 'b-partner.yaml')],
    ]);

    const [audit, partner, erp] = routes;
    expect(audit).toEqual({
      id: 'audit-all',
      file: path.join('routes', 'a-audit.yml'),
      from: { type: '#' },
      steps: [{ kind: 'to', connector: 'audit', operation: 'record' }],
      retry: DEFAULT_RETRY_POLICY,
      timeoutMs: 10_000,
      orderingKey: 'partitionkey',
      concurrency: 8,
      line: 3,
      stepLines: [5],
    });
    expect(partner).toMatchObject({
      description: 'Bookings go to the partner over HTTP',
      from: { type: 'shipment.booking-requested', when: 'data.weight.value > 0' },
      steps: [
        { kind: 'validate' },
        { kind: 'map', mapping: 'http/shipment-to-partner' },
        { kind: 'filter', expression: 'data.pieces.count > 0' },
        { kind: 'split', expression: 'pieces' },
        { kind: 'to', connector: 'http', operation: 'deliver' },
      ],
      retry: { attempts: 5, baseDelayMs: 200, maxDelayMs: 30_000, maxAgeMs: 3_600_000 },
      timeoutMs: 10_000,
      orderingKey: 'partitionkey',
      concurrency: 8,
      line: 2,
      stepLines: [6, 7, 8, 9, 10],
    });
    expect(erp).toMatchObject({
      from: { type: 'shipment.*' },
      steps: [{ kind: 'validate', schema: 'CargoBooking' }, { kind: 'validate' }, { kind: 'to', connector: 'odoo', operation: 'create-shipment' }],
      retry: { attempts: 3, baseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs, maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs, maxAgeMs: 86_400_000 },
      timeoutMs: 2500,
      orderingKey: 'subject',
      concurrency: 2,
      line: 16,
      stepLines: [20, 21, 22],
    });
    expect(erp?.description).toBeUndefined();
  });

  it('returns no routes for an empty folder', async () => {
    await expect(load({})).resolves.toEqual([]);
  });

  it('fails on a missing folder, naming it', async () => {
    await expect(loadRoutes('/nonexistent/interline/routes')).rejects.toThrow('routes directory /nonexistent/interline/routes does not exist');
  });

  it('names file, line, column, route, step and the fix for an unknown step', async () => {
    const text = PARTNER.replace('      - filter: "data.pieces.count > 0"', '      - mapp: "data.pieces.count > 0"');
    expect(await problemsOf({ 'partner.yaml': text })).toBe(
      `${path.join('routes', 'partner.yaml')}:8:9: route 'shipment-to-partner' step 3: unknown step 'mapp' ` +
        "(expected one of validate, map, filter, split, to); did you mean 'map'?",
    );
  });

  it.each([
    ['a step kind without a value', '      - to: http.deliver', '      - to', "route 'shipment-to-partner' step 5: step 'to' needs a value, e.g. '- to: http.deliver'"],
    ['a step with two kinds', '      - split: "pieces"', '      - split: "pieces"\n        to: http.x', "step 4: one step has several kinds (split, to); start each step with its own '- '"],
    ['a target without an operation', '      - to: http.deliver', '      - to: http', "step 5: to: expects '<connector>.<operation>' such as http.deliver (got \"http\")"],
    ['a mapping id without a connector', '      - map: http/shipment-to-partner', '      - map: shipment', "step 2: map: expects a mapping id '<connector>/<name>'"],
    ['a filter that is not a string', '      - filter: "data.pieces.count > 0"', '      - filter: true', 'step 3: filter: expects a JSONata expression as a string; quote it'],
    ['a step that is a number', '      - validate\n', '      - 42\n', "step 1: a step is 'validate' or one 'kind: value' entry"],
    ['a with: without a to:', '      - map: http/shipment-to-partner', '      - with: http/shipment-to-partner', "step 2: 'with:' belongs to a 'to:' step"],
    ['a with: that is not a mapping id', '      - to: http.deliver', '      - to: http.deliver\n        with: partner', "step 5: with: expects a mapping id '<connector>/<name>' such as odoo/order-to-sale-order (got \"partner\")"],
    ['a to: with a bad target and a with:', '      - to: http.deliver', '      - to: http\n        with: http/x', "step 5: to: expects '<connector>.<operation>'"],
    ['a third key beside to: and with:', '      - to: http.deliver', '      - to: http.deliver\n        with: http/x\n        map: http/y', "step 5: a 'to:' step takes only 'with:' beside it (got map)"],
  ])('explains %s', async (_label, from, to, expected) => {
    expect(PARTNER).toContain(from);
    const message = await problemsOf({ 'partner.yaml': PARTNER.replace(from, to) });
    expect(message).toMatch(/^routes[/\\]partner\.yaml:\d+:\d+: /);
    expect(message).toContain(expected);
  });

  it.each([
    ['an unknown field', '    timeout: 10s\n', '    timout: 10s\n', "12:5: route 'shipment-to-partner': unknown field 'timout' (expected one of id, description, from, steps, retry, timeout, ordering, concurrency); did you mean 'timeout'?"],
    ['an unknown retry field', 'attempts: 5,', 'attempt: 5,', "11:14: route 'shipment-to-partner' retry: unknown field 'attempt' (expected one of attempts, baseDelay, maxDelay, maxAge); did you mean 'attempts'?"],
    ['a missing required field', '    from:\n      type: shipment.*\n', '', "16:5: route 'shipment-to-erp': missing required field 'from'"],
    ['a bad duration', 'maxDelay: 30s', 'maxDelay: 30 seconds', "11:55: route 'shipment-to-partner' retry.maxDelay: must be a duration: milliseconds as a number, or a number with ms, s, m, h or d (200ms, 30s, 5m, 1h, 1d) (got \"30 seconds\")"],
    ['a negative duration', 'timeout: 2500', 'timeout: -5', "26:14: route 'shipment-to-erp' timeout: must be a duration"],
    ['an unknown ordering', 'ordering: subject', 'ordering: waybill', `27:15: route 'shipment-to-erp' ordering: must be one of "partitionkey", "subject", "none" (got "waybill")`],
    ['a concurrency of 0', 'concurrency: 2', 'concurrency: 0', "28:18: route 'shipment-to-erp' concurrency: must be >= 1 (got 0)"],
    ['a bad route id', 'id: shipment-to-erp', 'id: Shipment_To_ERP', "16:9: route 'Shipment_To_ERP' id: must be lowercase letters, digits and '-'"],
    ['a bad event type', 'type: shipment.*', 'type: Shipment Booked', "18:13: route 'shipment-to-erp' from.type: must be an event type like shipment.booking-requested"],
    ['no steps', '    steps: [ { to: audit.record } ]\n', '    steps: []\n', "31:12: route 'audit-all': 'steps:' is empty; a route needs at least one step"],
  ])('explains %s with its place', async (_label, from, to, expected) => {
    const text = PARTNER + AUDIT.replace('# Everything, for the audit trail.\nroutes:\n', '');
    expect(text).toContain(from);
    const message = await problemsOf({ 'partner.yaml': text.replace(from, to) });
    expect(message).toContain(`${path.join('routes', 'partner.yaml')}:${expected}`);
  });

  it('reports YAML syntax errors with their place', async () => {
    const message = await problemsOf({ 'bad.yaml': 'routes:\n  - id: x\n    from: { type: a.b\n    steps: []\n' });
    expect(message).toMatch(/^routes[/\\]bad\.yaml:\d+:\d+: YAML syntax error: .+ \(check the indentation, and quote values that contain ': ' or ' #'\)$/);
  });

  it('reports duplicate keys as YAML errors', async () => {
    const message = await problemsOf({ 'dup.yaml': 'routes:\n  - id: x\n    id: y\n    from: { type: a.b }\n    steps: [validate]\n' });
    expect(message).toContain(`${path.join('routes', 'dup.yaml')}:3:5: YAML syntax error: Map keys must be unique`);
  });

  it('reports an empty file, an empty list and a file without routes', async () => {
    expect(await problemsOf({ 'empty.yaml': '# nothing yet\n' })).toBe(
      `${path.join('routes', 'empty.yaml')}:1:1: the file is empty; a route file holds a top-level 'routes:' list`,
    );
    expect(await problemsOf({ 'none.yaml': 'routes: []\n' })).toContain("none.yaml:1:9: the 'routes:' list is empty; add a route or delete the file");
    expect(await problemsOf({ 'other.yaml': 'route:\n  - id: x\n' })).toContain(
      "other.yaml:1:1: unknown field 'route' (expected one of routes); did you mean 'routes'?",
    );
    expect(await problemsOf({ 'list.yaml': '- id: x\n' })).toContain("list.yaml:1:1: the file must be a map with a 'routes:' list");
  });

  it('refuses a route id used in two files, naming both places', async () => {
    const message = await problemsOf({ 'a.yaml': AUDIT, 'b.yaml': AUDIT.replace('# Everything, for the audit trail.\n', '') });
    expect(message).toBe(
      `${path.join('routes', 'b.yaml')}:2:9: route id 'audit-all' is already used at ${path.join('routes', 'a.yaml')}:3; ` +
        'route ids must be unique across all route files, so rename one of them',
    );
  });

  it('refuses a route id used twice in one file', async () => {
    const message = await problemsOf({ 'a.yaml': PARTNER.replace('id: shipment-to-erp', 'id: shipment-to-partner') });
    expect(message).toBe(
      `${path.join('routes', 'a.yaml')}:16:9: route id 'shipment-to-partner' is already used at line 2 of this file; route ids must be unique, so rename one of them`,
    );
  });

  it.each([
    ['from.when', 'when: "data.weight.value > 0"', 'when: "data.weight.value >"', "4:53: route 'shipment-to-partner' from.when: JSONata expression `data.weight.value >` has a syntax error at character 19: Unexpected end of expression"],
    ['a filter', 'filter: "data.pieces.count > 0"', 'filter: "data.pieces[count > 0"', "8:17: route 'shipment-to-partner' step 3 (filter): JSONata expression"],
    ['a split', 'split: "pieces"', 'split: "pieces.("', "9:16: route 'shipment-to-partner' step 4 (split): JSONata expression"],
  ])('compiles %s at load time and reports its syntax error with file:line', async (_label, from, to, expected) => {
    const message = await problemsOf({ 'partner.yaml': PARTNER.replace(from, to) });
    expect(message).toContain(`${path.join('routes', 'partner.yaml')}:${expected}`);
    expect(message).toMatch(/has a syntax error at character \d+: .+; fix the expression/);
  });

  it('refuses a base delay above the maximum delay, and a zero timeout', async () => {
    const message = await problemsOf({ 'partner.yaml': PARTNER.replace('baseDelay: 200ms', 'baseDelay: 1m').replace('timeout: 2500', 'timeout: 0') });
    expect(message.split('\n')).toEqual([
      `${path.join('routes', 'partner.yaml')}:11:38: route 'shipment-to-partner' retry: baseDelay (60000 ms) is larger than maxDelay (30000 ms); lower baseDelay or raise maxDelay`,
      `${path.join('routes', 'partner.yaml')}:26:14: route 'shipment-to-erp' timeout: must be more than 0 (e.g. 10s); leave it out for the default of 10s`,
    ]);
  });

  it('lists every problem of every file in one error', async () => {
    const message = await problemsOf({
      'a.yaml': PARTNER.replace('- to: http.deliver', '- to: http').replace('concurrency: 2', 'concurrency: many'),
      'b.yaml': 'routes: [',
    });
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('a.yaml:10:9: ');
    expect(lines[1]).toContain("a.yaml:28:18: route 'shipment-to-erp' concurrency: must be integer (got \"many\")");
    expect(lines[2]).toContain('b.yaml:');
  });
});

describe('parseRouteFile', () => {
  it('parses one file from text', () => {
    expect(parseRouteFile(AUDIT, 'inline.yaml').map((r) => [r.id, r.file, r.line])).toEqual([['audit-all', 'inline.yaml', 3]]);
  });

  it('throws a ConfigError for a bad file', () => {
    expect(() => parseRouteFile('routes:\n  - id: x\n', 'inline.yaml')).toThrow("inline.yaml:2:5: route 'x': missing required field 'from'");
  });
});

describe('to: with a with: mapping', () => {
  const SAGA = `routes:
  - id: sale-order
    from: { type: order.created }
    steps:
      - validate
      - to: odoo.createSaleOrder
        with: odoo/order-to-sale-order
      - to: portal.recordSagaStep
`;

  it('loads the mapping onto the to step and labels it', async () => {
    const [route] = await load({ 'saga.yaml': SAGA });
    expect(route?.steps).toEqual([
      { kind: 'validate' },
      { kind: 'to', connector: 'odoo', operation: 'createSaleOrder', mapping: 'odoo/order-to-sale-order' },
      { kind: 'to', connector: 'portal', operation: 'recordSagaStep' },
    ]);
    expect(route?.stepLines).toEqual([5, 6, 8]);
  });

  it('warns when the with: mapping is not registered', async () => {
    const routes = await load({ 'saga.yaml': SAGA });
    const warnings = checkRouteReferences(routes, { hasMapping: () => false, hasOperation: () => true, hasSchema: () => true });
    expect(warnings.map((w) => w.message)).toEqual([
      `${path.join('routes', 'saga.yaml')}:6: route 'sale-order' step 2: mapping 'odoo/order-to-sale-order' (with:) is not registered; add mappings/src/odoo/order-to-sale-order.mapping.ts (or .jsonata) and run \`npm run build\`; messages on this route will dead-letter until it is fixed`,
    ]);
  });
});

describe('checkRouteReferences', () => {
  it('warns, with file and line, about missing mappings, operations and schemas', async () => {
    const routes = await load({ 'partner.yaml': PARTNER });
    const warnings = checkRouteReferences(routes, {
      hasMapping: (id) => id !== 'http/shipment-to-partner',
      hasOperation: (connector, operation) => connector === 'http' && operation === 'deliver',
      hasSchema: (name) => name !== 'CargoBooking',
    });
    const file = path.join('routes', 'partner.yaml');
    expect(warnings).toEqual([
      {
        route: 'shipment-to-partner',
        file,
        line: 7,
        message: `${file}:7: route 'shipment-to-partner' step 2: mapping 'http/shipment-to-partner' is not registered; add mappings/src/http/shipment-to-partner.mapping.ts (or .jsonata) and run \`npm run build\`; messages on this route will dead-letter until it is fixed`,
      },
      expect.objectContaining({ route: 'shipment-to-erp', line: 20, message: expect.stringContaining("schema 'CargoBooking' is not in the model") }),
      expect.objectContaining({ route: 'shipment-to-erp', line: 22, message: expect.stringContaining("connector operation 'odoo.create-shipment' is not available") }),
    ]);
  });

  it('returns nothing when every reference resolves', async () => {
    const routes = await load({ 'partner.yaml': PARTNER });
    expect(checkRouteReferences(routes, { hasMapping: () => true, hasOperation: () => true, hasSchema: () => true })).toEqual([]);
  });
});
