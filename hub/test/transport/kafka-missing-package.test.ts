// node-rdkafka is optional: without it the embedded runtime is untouched, and asking for Kafka fails
// the start with one line that says how to install it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, silentLogger, startRuntime } from '../../src';
import { MISSING_RDKAFKA, loadRdkafka } from '../../src/transport/kafka/load-rdkafka';

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const start = (transport: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-kafka-'));
  const config = loadConfig({ cwd: dir, env: { INTERLINE_TRANSPORT: transport, INTERLINE_PORT: '0' } });
  return startRuntime(config, { logger: silentLogger(), inMemoryJournal: true });
};

describe('Kafka transport without node-rdkafka', () => {
  it('names the missing package and the install command', () => {
    let thrown: unknown;
    try {
      loadRdkafka('@interline/no-such-kafka-client');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toBe(MISSING_RDKAFKA);
    expect(MISSING_RDKAFKA).toMatch(/^the Kafka transport needs node-rdkafka: run `npm install node-rdkafka` \(builds librdkafka/);
    expect(MISSING_RDKAFKA).not.toContain('\n');
  });

  // Skipped where node-rdkafka IS installed: there the missing-package path cannot happen, and the
  // Kafka contract suite (KAFKA_BROKERS) covers the start instead.
  (installed('node-rdkafka') ? it.skip : it)('fails startRuntime with that one line when INTERLINE_TRANSPORT=kafka://…', async () => {
    await expect(start('kafka://127.0.0.1:9092?groupId=interline')).rejects.toThrow(new ConfigError(MISSING_RDKAFKA));
  });

  it('fails startRuntime on a malformed kafka:// URL before opening anything', async () => {
    await expect(start('kafka://127.0.0.1:9092?partitions=-3')).rejects.toThrow(/INTERLINE_TRANSPORT: kafka:\/\/ parameter partitions=-3 must be a whole number/);
  });
});
