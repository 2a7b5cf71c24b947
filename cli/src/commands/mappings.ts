// `interline mappings test|capture`: run mapping fixture cases locally, and turn a dead letter
// into a new case. These run against the mapping files, not a hub (capture reads the dead letter).
import path from 'node:path';
import type { Command } from 'commander';
import { captureCase, formatCaseResults, loadConfig, loadMappings, readMappingCases, runMappingCases } from '@interline/hub';
import type { MappingContext } from '@interline/hub';
import { commandContext } from '../context';
import type { CliIo } from '../io';
import { CliError, messageOf } from '../errors';

interface MappingsOptions {
  config?: string;
  source?: boolean;
}

function mappingsRoot(io: CliIo, options: MappingsOptions): string {
  const config = loadConfig({ cwd: io.cwd, env: { ...io.env }, ...(options.config ? { file: path.resolve(io.cwd, options.config) } : {}) });
  return config.mappingsDir;
}

/** `http/x`, `mappings/src/http/x.mapping.ts`, `http/` → a mapping id or an id prefix. */
function selectorFrom(target: string | undefined): string | undefined {
  if (!target) return undefined;
  const normalized = target.replace(/\\/g, '/').replace(/^.*?src\//, '').replace(/\.(mapping\.ts|mapping\.js|jsonata|cases\.json)$/, '');
  return normalized.replace(/\/$/, '');
}

export function registerMappingsCommands(program: Command, io: CliIo): void {
  const mappings = program.command('mappings').description('mapping modules and their fixture cases');

  mappings
    .command('test [target]')
    .description('run fixture cases: all, one connector (http/) or one mapping (http/tracking-event-to-partner); exit 1 on a failure')
    .option('-c, --config <file>', 'configuration file naming the mappings folder (default ./interline.yaml)')
    .option('--source', 'load TypeScript mappings from source instead of the built dist/ (needs a TypeScript loader)')
    .action(async (target: string | undefined, options: MappingsOptions, command: Command) => {
      const ctx = commandContext(command, io);
      const root = mappingsRoot(io, options);
      let registry;
      try {
        registry = await loadMappings(root, options.source ? { source: true } : {});
      } catch (error) {
        throw new CliError(`cannot load mappings from ${root}: ${messageOf(error)}`);
      }
      const selector = selectorFrom(target);
      const ids = registry
        .list()
        .map((m) => m.id)
        .filter((id) => !selector || id === selector || id.startsWith(`${selector}/`));
      if (selector && ids.length === 0) throw new CliError(`no mapping matches '${target}' in ${root}/src (have: ${registry.list().map((m) => m.id).join(', ') || 'none'})`);
      const results = [];
      for (const id of ids) results.push(...(await runMappingCases(registry, { mappingId: id, casesFor: (mappingId) => readMappingCases(root, mappingId) })));
      const failed = results.filter((r) => !r.passed).length;
      if (ctx.json) ctx.printJson({ cases: results.length, passed: results.length - failed, failed, results });
      else ctx.print(formatCaseResults(results));
      if (failed > 0) throw new CliError(`${failed} of ${results.length} mapping cases failed`, 1);
      if (results.length === 0) ctx.io.stderr.write(`interline: no fixture cases found for ${selector ?? 'any mapping'} (add <name>.cases.json beside the mapping)\n`);
    });

  mappings
    .command('capture <dead-letter-id>')
    .description('turn a dead letter into a fixture case of the mapping it failed in (or --mapping)')
    .requiredOption('--name <case>', 'name of the new case')
    .option('--mapping <id>', 'mapping id, when the dead letter did not fail in a map step')
    .option('-c, --config <file>', 'configuration file naming the mappings folder (default ./interline.yaml)')
    .option('--source', 'load TypeScript mappings from source instead of dist/')
    .action(async (id: string, options: MappingsOptions & { name: string; mapping?: string }, command: Command) => {
      const ctx = commandContext(command, io);
      const detail = await ctx.client().deadLetter(id);
      const failedStep = detail.deliveries.map((d) => d.lastError?.step ?? '').find((step) => step.includes(':map:'));
      const mappingId = options.mapping ?? failedStep?.split(':map:')[1];
      if (!mappingId) {
        throw new CliError(`dead letter ${id} did not fail in a map step (steps: ${detail.deliveries.map((d) => d.lastError?.step ?? '-').join(', ')}); name the mapping with --mapping <connector/name>`);
      }
      const envelope = detail.message.envelope as { data?: unknown; id: string; type: string; tenant?: string; correlationid?: string; time?: string } | null;
      if (!envelope) throw new CliError(`dead letter ${id} has no parseable envelope to capture; fix it first with \`interline dlq replay ${id} --edit patch.json\``);
      const root = mappingsRoot(io, options);
      const registry = await loadMappings(root, options.source ? { source: true } : {});
      if (!registry.has(mappingId)) throw new CliError(`no mapping '${mappingId}' in ${root}/src; check the id or build with \`npm run build\``);
      const context: MappingContext = {
        envelope: { id: envelope.id, type: envelope.type, tenant: envelope.tenant ?? 'default', correlationid: envelope.correlationid ?? envelope.id, time: envelope.time ?? new Date().toISOString() },
      };
      // The mapping as it is now decides the case: its output (after a fix) or the error it must keep raising.
      let run: { output: unknown } | { error: string };
      try {
        run = { output: await registry.run(mappingId, envelope.data, context) };
      } catch (error) {
        run = { error: messageOf(error).replace(/^mapping '[^']+' failed: /, '').slice(0, 200) };
      }
      const file =
        'output' in run
          ? await captureCase(root, mappingId, options.name, envelope.data, run.output)
          : await captureCase(root, mappingId, options.name, envelope.data, undefined, { error: run.error });
      const outcome = 'output' in run ? 'expected output recorded from the current mapping' : 'the mapping still fails: recorded as an expected-error case';
      if (ctx.json) ctx.printJson({ file, mapping: mappingId, case: options.name, outcome });
      else ctx.print(`case '${options.name}' added to ${path.relative(io.cwd, file)} (${outcome})`);
    });
}
