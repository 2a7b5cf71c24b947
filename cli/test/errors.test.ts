// Failures: every one is a single "interline: …" line on stderr with a non-zero exit code.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interline, oneErrorLine } from './support/cli';
import { startFakeAdminApi } from './support/fake-admin-api';

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('when the hub cannot be reached', () => {
  it('says where it looked and how to fix it, naming INTERLINE_URL', async () => {
    const url = await closedPortUrl();
    const run = await interline(['dlq', 'list'], { url });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(oneErrorLine(run.stderr)).toBe(`interline: cannot reach the hub at ${url} (connection refused); start it with \`npm start\` or set INTERLINE_URL`);
  });

  it('points at --url when the URL came from the flag, for every command', async () => {
    const url = await closedPortUrl();
    for (const args of [['connectors', 'check'], ['messages', 'show', 'x'], ['events', 'list', '--json'], ['dlq', 'replay', '--filter', '--dry-run']]) {
      const run = await interline(['--url', url, ...args]);
      expect(run.code).toBe(1);
      expect(oneErrorLine(run.stderr)).toBe(`interline: cannot reach the hub at ${url} (connection refused); start it with \`npm start\` or fix --url`);
    }
  });

  it('rejects a URL that is not http(s)', async () => {
    const run = await interline(['dlq', 'list'], { url: 'localhost:8080' });
    expect(run.code).toBe(1);
    expect(oneErrorLine(run.stderr)).toBe("interline: INTERLINE_URL 'localhost:8080' must be an http:// or https:// URL, e.g. http://127.0.0.1:8080");
  });
});

describe('when the hub says no', () => {
  it('explains a 401 in one line with the ways to get a token', async () => {
    const api = await startFakeAdminApi();
    try {
      const run = await interline(['dlq', 'list'], { url: api.url, token: 'forged' });
      expect(run.code).toBe(1);
      expect(oneErrorLine(run.stderr)).toBe(
        `interline: the hub at ${api.url} did not accept the token for list dead letters (token signature is not valid for this hub); pass --token, set INTERLINE_TOKEN or issue one with \`interline token issue --role support\``,
      );
    } finally {
      await api.close();
    }
  });

  it('uses --token over INTERLINE_TOKEN', async () => {
    const api = await startFakeAdminApi();
    try {
      const run = await interline(['--token', 'support-token', 'events', 'list'], { url: api.url, token: 'admin-token' });
      expect(run.code).toBe(0);
      expect(api.requests[0]?.authorization).toBe('Bearer support-token');
    } finally {
      await api.close();
    }
  });

  it('says so when the URL answers with something other than JSON', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>router login</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const run = await interline(['connectors', 'list'], { url });
      expect(run.code).toBe(1);
      expect(oneErrorLine(run.stderr)).toBe(
        `interline: the server at ${url} answered list connectors with text/html, not JSON; check that --url / INTERLINE_URL points at an Interline hub`,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('without --token or INTERLINE_TOKEN', () => {
  it('asks for a local token and reports a missing signing key in one line, before any request', async () => {
    const api = await startFakeAdminApi();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'interline-nokey-'));
    try {
      const run = await interline(['dlq', 'list'], { url: api.url, token: null, env: { INTERLINE_DATA_DIR: dataDir } });
      expect(run.code).toBe(1);
      const line = oneErrorLine(run.stderr);
      expect(line).toContain('INTERLINE_TOKEN');
      expect(api.requests).toHaveLength(0);
    } finally {
      await api.close();
    }
  });
});

describe('usage errors', () => {
  it('are one line with the command to get help, exit 2', async () => {
    const unknown = await interline(['dlq', 'lst']);
    expect(unknown.code).toBe(2);
    expect(oneErrorLine(unknown.stderr)).toBe("interline: unknown command 'lst' (Did you mean list?); see `interline dlq --help`");
    const option = await interline(['connectors', 'list', '--bogus']);
    expect(option.code).toBe(2);
    expect(oneErrorLine(option.stderr)).toBe("interline: unknown option '--bogus'; see `interline connectors list --help`");
  });

  it('help goes to stdout and exits 0', async () => {
    const run = await interline(['dlq', 'replay', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: interline dlq replay [options] [ids...]');
    expect(run.stdout).toContain('--rate <n>');
    expect(run.stdout).toContain('--json');
  });
});
