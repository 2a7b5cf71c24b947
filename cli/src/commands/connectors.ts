// `interline connectors`: what is configured, how each is doing, and what each can do.
import type { Command } from 'commander';
import type { ConnectorDescription, ConnectorSummary, HealthResult } from '../api/types';
import { commandContext } from '../context';
import type { CommandContext } from '../context';
import { CliError, oneLine } from '../errors';
import type { CliIo } from '../io';
import { renderTable } from '../output/table';
import type { Style } from '../output/style';

function healthText(health: HealthResult): string {
  return health.latencyMs !== undefined ? `${health.status} (${health.latencyMs} ms)` : health.status;
}

function healthPaint(health: HealthResult, style: Style): (text: string) => string {
  return health.status === 'up' ? style.green : health.status === 'degraded' ? style.yellow : style.red;
}

async function list(ctx: CommandContext): Promise<void> {
  const answer = await ctx.client().connectors();
  if (ctx.json) return ctx.printJson(answer);
  if (answer.items.length > 0) {
    ctx.print(
      renderTable<ConnectorSummary>(
        answer.items,
        [
          { header: 'NAME', value: (c) => c.name },
          { header: 'CONNECTOR', value: (c) => c.id, shrink: 1 },
          { header: 'VERSION', value: (c) => c.version },
          { header: 'HEALTH', value: (c) => healthText(c.health), style: (cell, c) => healthPaint(c.health, ctx.style)(cell) },
          { header: 'CIRCUIT', value: (c) => c.circuit, style: (cell, c) => (c.circuit === 'closed' ? cell : ctx.style.yellow(cell)) },
          { header: 'SIMULATOR', value: (c) => c.simulator ?? '-' },
          { header: 'DETAIL', value: (c) => c.health.detail ?? '', shrink: 2, minWidth: 10 },
        ],
        { width: ctx.width },
      ),
    );
  }
  ctx.print(ctx.style.dim(`${answer.items.length} connector${answer.items.length === 1 ? '' : 's'}`));
}

/** A compact line for an operation's input schema: its properties, `?` marking optional ones. */
export function schemaSummary(schema: unknown): string {
  if (typeof schema !== 'object' || schema === null) return 'any';
  const { properties, required, type } = schema as { properties?: Record<string, { type?: unknown }>; required?: string[]; type?: unknown };
  if (!properties) return typeof type === 'string' ? type : 'any';
  const needed = new Set(required ?? []);
  const names = Object.entries(properties).map(([name, property]) => {
    const kind = typeof property?.type === 'string' ? property.type : Array.isArray(property?.type) ? property.type.join('|') : 'any';
    return `${name}${needed.has(name) ? '' : '?'}: ${kind}`;
  });
  return names.length > 0 ? `{ ${names.join(', ')} }` : '{}';
}

function flatten(value: unknown, prefix: string, out: Array<[string, string]>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.push([prefix, typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')]);
}

function renderDescription(d: ConnectorDescription, style: Style): string {
  const lines = [`${style.bold(d.name)}  ${d.id} ${d.version}`, `  ${oneLine(d.summary)}`, `  simulator: ${d.simulator ?? 'none'}   circuit: ${d.circuit}`];
  const config: Array<[string, string]> = [];
  flatten(d.config, '', config);
  lines.push('', style.bold('Config') + style.dim(' (secrets redacted by the hub)'));
  if (config.length === 0 || (config.length === 1 && config[0]?.[0] === '')) lines.push('  none');
  else for (const [key, value] of config) lines.push(`  ${key}: ${value}`);
  const operations = Object.entries(d.operations);
  lines.push('', style.bold(`Operations (${operations.length})`));
  for (const [name, op] of operations) {
    lines.push(`  ${name}${op.sideEffect ? style.yellow('  [side effect]') : ''}  ${style.dim(oneLine(op.summary))}`);
    lines.push(`    input: ${schemaSummary(op.input)}`);
  }
  const sources = Object.entries(d.sources);
  lines.push('', style.bold(`Sources (${sources.length})`));
  if (sources.length === 0) lines.push('  none');
  for (const [name, source] of sources) lines.push(`  ${name}  ${source.kind}  ${style.dim(oneLine(source.summary))}`);
  return `${lines.join('\n')}\n`;
}

async function check(ctx: CommandContext, name: string | undefined): Promise<void> {
  const items: Array<{ name: string; health: HealthResult }> =
    name !== undefined
      ? [{ name, health: await ctx.client().connectorHealth(name) }]
      : (await ctx.client().connectors()).items.map((c) => ({ name: c.name, health: c.health }));
  const down = items.filter((i) => i.health.status === 'down').map((i) => i.name);
  if (ctx.json) {
    ctx.printJson({ items, down });
  } else {
    if (items.length === 0) ctx.print('no connectors are configured');
    const width = Math.max(0, ...items.map((i) => i.name.length));
    for (const { name: n, health } of items) {
      const mark = health.status === 'up' ? ctx.style.green('✔') : health.status === 'degraded' ? ctx.style.yellow('!') : ctx.style.red('✖');
      const detail = health.detail ? `  ${oneLine(health.detail)}` : '';
      ctx.print(`${mark} ${n.padEnd(width)}  ${healthPaint(health, ctx.style)(healthText(health))}${detail}`);
    }
  }
  if (down.length > 0) {
    throw new CliError(`${down.length} of ${items.length} connector${items.length === 1 ? ' is' : 's are'} down: ${down.join(', ')}; see \`interline connectors describe ${down[0]}\` and the hub's log`);
  }
}

export function registerConnectorsCommands(program: Command, io: CliIo): void {
  const connectors = program.command('connectors').description('configured connectors: health, operations, simulators');
  connectors
    .command('list')
    .description('every configured connector with version, health, circuit and simulator URL')
    .action((_flags: unknown, command: Command) => list(commandContext(command, io)));
  connectors
    .command('describe')
    .description("a connector's config (secrets redacted), operations with input schemas, and sources")
    .argument('<name>', 'connector instance name')
    .action(async (name: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command, io);
      const description = await ctx.client().connector(name);
      if (ctx.json) return ctx.printJson(description);
      ctx.print(renderDescription(description, ctx.style));
    });
  connectors
    .command('check')
    .description('check health now; exits 1 when any connector is down')
    .argument('[name]', 'only this connector')
    .action((name: string | undefined, _flags: unknown, command: Command) => check(commandContext(command, io), name));
}
