// token issue: a JWT signed with the local hub's key through @interline/hub's issueLocalToken.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interline, oneErrorLine } from './support/cli';

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('token issue', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'interline-key-'));
  });

  it('prints a token with the role, tenant, subject and lifetime asked for', async () => {
    writeFileSync(path.join(dataDir, 'signing-key'), randomBytes(32).toString('base64url'));
    const run = await interline(['token', 'issue', '--role', 'support', '--tenant', 'acme', '--subject', 'alice', '--ttl', '2h'], { token: null, env: { INTERLINE_DATA_DIR: dataDir } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const payload = claims(token);
    expect(payload).toMatchObject({ roles: ['support'], tenant: 'acme', sub: 'alice' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(7200);
  });

  it('prints JSON with --json, defaulting the subject to the local user', async () => {
    writeFileSync(path.join(dataDir, 'signing-key'), randomBytes(32).toString('base64url'));
    const run = await interline(['token', 'issue', '--role', 'admin', '--json'], { token: null, env: { INTERLINE_DATA_DIR: dataDir } });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { token: string; role: string; subject: string; expiresAt: string };
    expect(body.role).toBe('admin');
    expect(body.subject).toMatch(/^local:/);
    expect(claims(body.token).sub).toBe(body.subject);
    expect(Date.parse(body.expiresAt)).toBe(Number(claims(body.token).exp) * 1000);
  });

  it('reports a missing signing key in one line', async () => {
    const run = await interline(['token', 'issue', '--role', 'admin'], { token: null, env: { INTERLINE_DATA_DIR: dataDir } });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toContain(path.join(dataDir, 'signing-key'));
  });

  it('accepts only the known roles and durations', async () => {
    const role = await interline(['token', 'issue', '--role', 'root']);
    expect(role.code).toBe(2);
    expect(oneErrorLine(role.stderr)).toContain("option '--role <role>' argument 'root' is invalid. Allowed choices are customer, agent, support, partner, admin.");
    const ttl = await interline(['token', 'issue', '--role', 'admin', '--ttl', 'forever']);
    expect(ttl.code).toBe(2);
    expect(oneErrorLine(ttl.stderr)).toContain('expected a duration of at least 1s, such as 30m, 1h or 7d');
  });
});
