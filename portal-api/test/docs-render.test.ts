// /docs renders: the page's scripts and stylesheets are all served (right type, not empty), its
// initializer points Swagger UI at /openapi.json, and the Swagger UI bundle, run in a node:vm
// context with the initializer's own configuration, downloads the served document through the
// portal and loads it without errors. (No DOM here — jsdom is not installed — so the React render
// itself is skipped; everything before it, the document's parsing and $ref resolution included, runs.)
import vm from 'node:vm';
import { startHarness, eventually } from './support/harness';
import type { Harness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 30_000);
afterAll(async () => {
  await h?.stop();
});

const TYPES: Record<string, RegExp> = { js: /^application\/javascript/, css: /^text\/css/, png: /^image\/png$/ };

async function fetchAsset(ref: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const response = await fetch(new URL(ref, h.url));
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

function references(page: string): string[] {
  const scripts = [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);
  const links = [...page.matchAll(/<link[^>]*\shref="([^"]+)"/g)].map((m) => m[1] as string);
  return [...scripts, ...links];
}

it('serves every script and stylesheet the page references, with the right type and content', async () => {
  const page = await fetch(`${h.url}/docs`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await page.text();
  const refs = references(html);
  expect(refs).toEqual(
    expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/swagger-initializer.js', '/docs/swagger-ui.css', '/docs/index.css']),
  );
  for (const ref of refs) {
    const asset = await fetchAsset(ref);
    const extension = ref.split('.').pop() as string;
    expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
    expect(asset.type).toMatch(TYPES[extension] as RegExp);
    expect(asset.bytes.length).toBeGreaterThan(0);
  }
  // The initializer renders into the page's container from this portal's document.
  const initializer = (await fetchAsset('/docs/swagger-initializer.js')).bytes.toString('utf8');
  expect(initializer).toMatch(/url:\s*'\/openapi\.json'/);
  const container = /dom_id:\s*'#([^']+)'/.exec(initializer)?.[1];
  expect(html).toContain(`<div id="${container}">`);
});

it('runs the Swagger UI bundle with the initializer’s configuration: it fetches /openapi.json and loads it without errors', async () => {
  const fetched: string[] = [];
  const sandbox: Record<string, unknown> = {
    console: { log: () => undefined, warn: () => undefined, error: (...args: unknown[]) => fetched.push(`console.error ${args.map(String).join(' ')}`) },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    Blob,
    File: (globalThis as { File?: unknown }).File ?? class File extends Blob {},
    FormData,
    Headers,
    Request,
    Response,
    AbortController,
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, `${h.url}/docs`);
      fetched.push(url.pathname);
      return fetch(url, init);
    },
    navigator: { userAgent: 'node' },
    location: new URL(`${h.url}/docs`),
    localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
    document: { querySelector: () => null, getElementById: () => null, addEventListener: () => undefined },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  const run = async (ref: string) => vm.runInContext((await fetchAsset(ref)).bytes.toString('utf8'), context, { filename: ref });
  await run('/docs/swagger-ui-bundle.js');
  await run('/docs/swagger-ui-standalone-preset.js');
  await run('/docs/swagger-initializer.js');
  expect(typeof sandbox.onload).toBe('function');

  // The initializer's call, with rendering left out (there is no DOM to render into).
  const bundle = sandbox.SwaggerUIBundle as ((config: Record<string, unknown>) => unknown) & Record<string, unknown>;
  let config: Record<string, unknown> | undefined;
  let ui: { specSelectors: { loadingStatus(): string; specJson(): { toJS(): Record<string, unknown> }; isOAS31(): boolean }; errSelectors: { allErrors(): { toJS(): unknown[] } } } | undefined;
  sandbox.SwaggerUIBundle = Object.assign((given: Record<string, unknown>) => {
    config = given;
    const { dom_id: _render, ...rest } = given;
    ui = bundle(rest) as typeof ui;
    return ui;
  }, bundle);
  (sandbox.onload as () => void)();
  expect(config).toMatchObject({ url: '/openapi.json', dom_id: '#swagger-ui', layout: 'StandaloneLayout' });
  expect((config?.presets as unknown[]).every((preset) => preset !== undefined)).toBe(true);

  const status = await eventually(() => {
    const current = ui?.specSelectors.loadingStatus();
    return current === 'success' || current === 'failed' ? current : undefined;
  }, 10_000, 'Swagger UI to load the document');
  expect(status).toBe('success');
  expect(fetched).toContain('/openapi.json');
  expect(ui?.specSelectors.isOAS31()).toBe(true);
  expect(Object.keys(ui?.specSelectors.specJson().toJS().paths as object)).toContain('/v1/shipments');
  expect(ui?.errSelectors.allErrors().toJS()).toEqual([]);
  expect(fetched.filter((entry) => entry.startsWith('console.error'))).toEqual([]);
});

