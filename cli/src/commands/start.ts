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
      const { ConfigError, HubError, check, ensureLocalSigningKey, formatIssue, loadConfig, signLocalToken, startConfiguredFileExchange, startRuntime } = await import('@interline/hub');
      const { ScheduleDefaultsSchema, startPortalApi } = await import('@interline/portal-api');
      let running;
      let config;
      let portal;
      let files;
      try {
        const file = options.config ? { file: options.config } : {};
        // The portal connector calls the portal back with a service token signed by this hub's key.
        const dataDir = loadConfig({ ...file, env: { ...env, INTERLINE_PORTAL_TOKEN: env.INTERLINE_PORTAL_TOKEN ?? 'not-yet' } }).dataDir;
        env.INTERLINE_PORTAL_TOKEN ??= await signLocalToken(ensureLocalSigningKey(dataDir), { role: 'admin', subject: 'service:portal-connector', tenant: '*', ttlSeconds: 10 * 365 * 24 * 3600 });
        config = loadConfig({ ...file, env });
        // Built-in connectors are dependencies of this package: resolve them from here too.
        running = await startRuntime(config, { connectorSearchDirs: [path.resolve(__dirname, '..', '..')] });
        const portalPort = Number(env.INTERLINE_PORTAL_PORT ?? (config.server.port === 0 ? 0 : 8081));
        const schedules = config.portal.schedules;
        if (schedules !== undefined) {
          const checked = check(ScheduleDefaultsSchema, schedules);
          if (!checked.ok) throw new ConfigError(`portal.schedules in ${config.file ?? 'interline.yaml'}: ${checked.issues.map(formatIssue).join('; ')}`);
        }
        portal = await startPortalApi({ running, port: portalPort, host: config.server.host, ...(schedules !== undefined ? { schedules: schedules as never } : {}) });
        // Partner files (customs answers, schedules) are taken by workers, like pollers.
        if (config.role !== 'api') {
          files = startConfiguredFileExchange(running);
          await files?.ready;
        }
      } catch (error) {
        await files?.stop().catch(() => undefined);
        await portal?.stop().catch(() => undefined);
        await running?.stop().catch(() => undefined);
        if (error instanceof HubError) throw new CliError(`cannot start: ${error.message}`);
        if ((error as { code?: string }).code === 'EADDRINUSE') throw new CliError(`cannot start: the portal API port is in use; set INTERLINE_PORTAL_PORT`);
        throw error;
      }
      const runningPortal = portal;
      const runningFiles = files;
      const connectors = running.hub.connectors.list().map((c) => `${c.name}${c.simulator ? ` (simulator ${c.simulator.baseUrl})` : ''}`);
      process.stderr.write(
        `Portal API on ${runningPortal.url} (docs ${runningPortal.url}/docs)\nInterline hub ready on ${running.url} — ${running.routes.length} routes, connectors: ${connectors.join(', ') || 'none'}; partner files: ${runningFiles?.partners.join(', ') || 'none'}; journal ${config.journal === 'pglite' ? config.dataDir : config.journal}. Stop with Ctrl-C.\n`,
      );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals): void => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`received ${signal}: draining in-flight deliveries…\n`);
          Promise.resolve(runningFiles?.stop())
            .then(() => runningPortal.stop())
            .then(() => running.stop())
            .catch((error: unknown) => process.stderr.write(`interline: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`))
            .finally(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
