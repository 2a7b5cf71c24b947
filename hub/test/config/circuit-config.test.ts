// Per-connector circuit settings in interline.yaml: the ratio rule's knobs are accepted and reach the
// config; an impossible ratio stops the start with the file, place and rule.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src';

function configFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-config-'));
  const file = path.join(dir, 'interline.yaml');
  writeFileSync(file, text);
  return file;
}

describe('connector circuit settings', () => {
  it('accepts the failure-ratio window settings beside the consecutive-failure ones', () => {
    const file = configFile('connectors:\n  odoo:\n    use: odoo\n    circuit: { failureRatio: 0.3, minimumCalls: 50, windowMs: 30000, failureThreshold: 10, cooldownMs: 2000 }\n');
    expect(loadConfig({ file, env: {} }).connectors.odoo?.circuit).toEqual({ failureRatio: 0.3, minimumCalls: 50, windowMs: 30000, failureThreshold: 10, cooldownMs: 2000 });
  });

  it('refuses a ratio above 1 with the place in the file', () => {
    const file = configFile('connectors:\n  odoo:\n    use: odoo\n    circuit: { failureRatio: 1.5 }\n');
    expect(() => loadConfig({ file, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ file, env: {} })).toThrow(/interline\.yaml:4:\d+: connectors\.odoo\.circuit\.failureRatio/);
  });
});
