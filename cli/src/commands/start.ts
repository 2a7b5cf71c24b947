// `interline start`: run the hub from interline.yaml until SIGTERM/SIGINT, then drain and exit.
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the hub (embedded default: memory transport, PGlite journal in .interline/, simulators on loopback)')
    .option('-c, --config <file>', 'configuration file (default: ./interline.yaml, or INTERLINE_CONFIG)')
    .option('--role <role>', 'all | api | worker (default: all, or INTERLINE_ROLE)')
    .option('-p, --port <port>', 'ops/admin server port (default: 8080, or INTERLINE_PORT)')
    .action(async (options: { config?: string; role?: string; port?: string }) => {
      const env = { ...process.env };
      if (options.role) env.INTERLINE_ROLE = options.role;
      if (options.port) env.INTERLINE_PORT = options.port;
      // Loaded here, not at the top: other commands should not pay for loading the whole hub.
      const { HubError, loadConfig, startRuntime } = await import('@interline/hub');
      let running;
      let config;
      try {
        config = loadConfig({ ...(options.config ? { file: options.config } : {}), env });
        // Built-in connectors are dependencies of this package: resolve them from here too.
        running = await startRuntime(config, { connectorSearchDirs: [path.resolve(__dirname, '..', '..')] });
      } catch (error) {
        if (error instanceof HubError) throw new CliError(`cannot start: ${error.message}`);
        throw error;
      }
      const connectors = running.hub.connectors.list().map((c) => `${c.name}${c.simulator ? ` (simulator ${c.simulator.baseUrl})` : ''}`);
      process.stderr.write(
        `Interline hub ready on ${running.url} — ${running.routes.length} routes, connectors: ${connectors.join(', ') || 'none'}; journal ${config.journal === 'pglite' ? config.dataDir : config.journal}. Stop with Ctrl-C.\n`,
      );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals): void => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`received ${signal}: draining in-flight deliveries…\n`);
          running
            .stop()
            .catch((error: unknown) => process.stderr.write(`interline: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`))
            .finally(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
