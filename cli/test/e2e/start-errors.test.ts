// `interline start` refuses a broken setup with one line naming the file, the line and the fix —
// before it opens the journal or binds a port.
import path from 'node:path';
import { makeHubDir, runInterline } from './hub-process';

const GOOD_CONFIG = 'server: { host: 127.0.0.1, port: 0 }\n';

async function start(dir: string) {
  return runInterline(['start', '--config', path.join(dir, 'interline.yaml')], { INTERLINE_LOG_LEVEL: 'warn' }, dir);
}

describe('interline start with a broken setup', () => {
  it('names the route file, line and unknown step', async () => {
    const dir = makeHubDir({
      config: GOOD_CONFIG,
      routes: ['routes:', '  - id: broken', '    from: { type: test.ping }', '    steps:', '      - mapp: http/x', '      - to: partner.deliver'].join('\n'),
    });
    const run = await start(dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/e2e\.yaml:5:\d+/);
    expect(run.stderr).toContain("'mapp'");
  });

  it('names the route file and line of a YAML syntax error', async () => {
    const dir = makeHubDir({ config: GOOD_CONFIG, routes: 'routes:\n  - id: x\n    from: { type: test.ping\n' });
    const run = await start(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/e2e\.yaml:\d+:\d+/);
  });

  it('names the config key that is wrong', async () => {
    const dir = makeHubDir({ config: 'server: { host: 127.0.0.1, port: 0 }\nruntime: { transprt: memory }\n', routes: 'routes:\n  - id: x\n    from: { type: test.ping }\n    steps: [validate]\n' });
    const run = await start(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/interline\.yaml:2:\d+: runtime\.transprt is not a known field/);
  });

  it('says which transport is not available instead of printing a stack trace', async () => {
    const dir = makeHubDir({ config: GOOD_CONFIG, routes: 'routes:\n  - id: x\n    from: { type: test.ping }\n    steps: [validate]\n' });
    const run = await runInterline(['start', '--config', path.join(dir, 'interline.yaml')], { INTERLINE_TRANSPORT: 'carrier-pigeon://x' }, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("transport 'carrier-pigeon://x' is not understood");
    expect(run.stderr).not.toContain('    at ');
  });
});
