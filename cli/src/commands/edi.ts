// `interline edi parse|validate|generate|ack`: EDIFACT files on the local disk, read and written with
// the hub's engine; generate runs a mapping from the mappings workspace. No hub is needed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { edifact, loadConfig } from '@interline/hub';
import type { Mapping } from '@interline/hub';
import { commandContext } from '../context';
import type { CommandContext } from '../context';
import { CliError, messageOf } from '../errors';
import type { CliIo } from '../io';
import { readJsonFile } from '../options/json-file';

interface ReadOptions {
  leniency?: string;
}

function leniencyOf(options: ReadOptions): edifact.LeniencyOptions {
  const value = options.leniency ?? 'strict';
  if (value !== 'strict' && value !== 'permissive') throw new CliError(`--leniency must be strict or permissive (got "${value}")`, 2);
  return value;
}

function readBytes(io: CliIo, file: string): Buffer {
  try {
    return readFileSync(path.resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read EDIFACT file ${file} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? messageOf(error))}); check the path`);
  }
}

function parse(io: CliIo, file: string, options: ReadOptions): edifact.Interchange {
  try {
    return edifact.parseInterchange(readBytes(io, file), { leniency: leniencyOf(options) });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not a readable EDIFACT interchange: ${messageOf(error)}`);
  }
}

const segmentText = (segment: edifact.SegmentInput): string => new edifact.SegmentWriter(edifact.levelASeparators(4)).write(segment);
const party = (p: edifact.Party): string => (p.qualifier ? `${p.id}:${p.qualifier}` : p.id);

function tree(interchange: edifact.Interchange): unknown {
  const message = (m: edifact.Message) => ({ reference: m.reference, type: m.type, version: `${m.version}:${m.release}:${m.agency}`, segments: m.segmentCount });
  return {
    syntax: `${interchange.syntax.identifier}:${interchange.syntax.version}`,
    sender: party(interchange.sender),
    recipient: party(interchange.recipient),
    prepared: `${interchange.date} ${interchange.time}`,
    controlReference: interchange.controlReference,
    ackRequested: interchange.ackRequested,
    test: interchange.test,
    groups: interchange.groups.map((g) => ({ reference: g.reference, messageType: g.messageType ?? null, messages: g.messages.map(message) })),
    messages: interchange.messages.map(message),
  };
}

function printTree(ctx: CommandContext, interchange: edifact.Interchange): void {
  const t = tree(interchange) as { groups: Array<{ reference: string; messages: unknown[] }> };
  ctx.print(`interchange ${interchange.controlReference}  ${party(interchange.sender)} → ${party(interchange.recipient)}  ${interchange.syntax.identifier}:${interchange.syntax.version}  prepared ${interchange.date} ${interchange.time}${interchange.ackRequested ? '  CONTRL requested' : ''}${interchange.test ? '  TEST' : ''}`);
  const line = (m: edifact.Message, indent: string) => ctx.print(`${indent}message ${m.reference}  ${m.type} ${m.version}:${m.release}:${m.agency}  ${m.segmentCount} segments`);
  interchange.groups.forEach((g, i) => {
    ctx.print(`  group ${t.groups[i]!.reference}  ${g.messageType ?? ''}`);
    for (const m of g.messages) line(m, '    ');
  });
  for (const m of interchange.messages) line(m, '  ');
}

function printErrors(ctx: CommandContext, file: string, result: edifact.ValidationResult): void {
  for (const error of result.errors) ctx.print(`${file}: error ${error.syntaxError} ${error.code}: ${error.message}`);
  for (const warning of result.warnings) ctx.print(`${file}: warning ${warning.code}: ${warning.message}`);
}

/** The mapping that produces `type`: --mapping <connector/name>, else the one mapping named *-to-<type>. */
function findMapping(root: string, type: string, id: string | undefined, source: boolean): { id: string; file: string } {
  const srcDir = path.join(root, 'src');
  if (!existsSync(srcDir)) throw new CliError(`mappings folder ${root} has no src/; point --mappings (or mappings in interline.yaml) at the mappings workspace`);
  const found: Array<{ id: string; file: string }> = [];
  for (const connector of readdirSync(srcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const name of readdirSync(path.join(srcDir, connector)).filter((n) => n.endsWith('.mapping.ts')).map((n) => n.slice(0, -'.mapping.ts'.length))) {
      const candidate = `${connector}/${name}`;
      if (id ? candidate === id : name.endsWith(`-to-${type.toLowerCase()}`)) {
        found.push({ id: candidate, file: source ? path.join(srcDir, connector, `${name}.mapping.ts`) : path.join(root, 'dist', connector, `${name}.mapping.js`) });
      }
    }
  }
  const looked = id ? `a mapping with id ${id}` : `mapping ids ending in -to-${type.toLowerCase()}`;
  if (found.length === 0) throw new CliError(`no mapping produces ${type.toUpperCase()}: looked for ${looked} in ${srcDir}; write one, or name it with --mapping <connector/name>`);
  if (found.length > 1) throw new CliError(`several mappings produce ${type.toUpperCase()} (${found.map((f) => f.id).join(', ')}); choose one with --mapping`);
  const [only] = found as [{ id: string; file: string }];
  if (!existsSync(only.file)) throw new CliError(`mapping ${only.id} is not built (${only.file} is missing); run \`npm run build\` or pass --source`);
  return only;
}

function loadMapping(found: { id: string; file: string }): Mapping {
  let loaded: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- mapping modules are found at run time
    loaded = require(found.file);
  } catch (error) {
    throw new CliError(`mapping ${found.id} cannot be loaded from ${found.file}: ${messageOf(error)}${found.file.endsWith('.ts') ? ' (--source needs a TypeScript loader)' : ''}`);
  }
  const mapping = ((loaded as { default?: unknown }).default ?? loaded) as Partial<Mapping>;
  if (typeof mapping.map !== 'function') throw new CliError(`${found.file} does not export a mapping (export default defineMapping({...}))`);
  return mapping as Mapping;
}

function messageOfOutput(output: unknown, type: string, mappingId: string): edifact.MessageInput {
  const candidate = ((output as { message?: unknown } | null)?.message ?? output) as Partial<edifact.MessageInput> | null;
  if (!candidate || !Array.isArray(candidate.segments) || typeof candidate.type !== 'string') {
    throw new CliError(`mapping ${mappingId} did not return an EDIFACT message ({ type, version, release, agency, segments } or { message: … })`);
  }
  if (candidate.type !== type.toUpperCase()) throw new CliError(`mapping ${mappingId} produces ${candidate.type}, not ${type.toUpperCase()}; choose another with --mapping`);
  return candidate as edifact.MessageInput;
}

function partyOption(value: string): edifact.Party {
  const [id = '', qualifier] = value.split(':');
  if (!id) throw new CliError(`interchange party "${value}" needs an id (id or id:qualifier)`, 2);
  return qualifier ? { id, qualifier } : { id };
}

interface GenerateOptions {
  from: string;
  mapping?: string;
  mappings?: string;
  config?: string;
  source?: boolean;
  sender: string;
  recipient: string;
  controlRef: string;
  syntax: string;
  ack?: boolean;
  test?: boolean;
  out?: string;
}

async function generate(ctx: CommandContext, type: string, options: GenerateOptions): Promise<void> {
  const root = options.mappings
    ? path.resolve(ctx.io.cwd, options.mappings)
    : loadConfig({ cwd: ctx.io.cwd, env: { ...ctx.io.env }, ...(options.config ? { file: path.resolve(ctx.io.cwd, options.config) } : {}) }).mappingsDir;
  const found = findMapping(root, type, options.mapping, options.source === true);
  const input = readJsonFile(ctx.io.cwd, options.from, 'canonical input');
  let output: unknown;
  try {
    output = await loadMapping(found).map(input, { envelope: { id: 'cli', type: 'edi.generate', tenant: 'default', correlationid: 'cli', time: new Date(ctx.io.now()).toISOString() } });
  } catch (error) {
    throw new CliError(`mapping ${found.id} refused ${options.from}: ${messageOf(error)}`);
  }
  const message = messageOfOutput(output, type, found.id);
  const [identifier = 'UNOC', version = '3'] = options.syntax.split(':');
  if (version !== '3' && version !== '4') throw new CliError(`--syntax version must be 3 or 4 (got ${options.syntax})`, 2);
  const text = edifact.generateInterchange({
    sender: partyOption(options.sender),
    recipient: partyOption(options.recipient),
    controlRef: options.controlRef,
    date: new Date(ctx.io.now()),
    syntax: { identifier, version: version === '4' ? 4 : 3 },
    ackRequested: options.ack === true,
    testIndicator: options.test === true,
    messages: [{ ...message, reference: message.reference ?? options.controlRef }],
    lineEnd: '\n',
  });
  const result = edifact.validateInterchange(edifact.parseInterchange(text));
  if (!result.valid) {
    printErrors(ctx, `${type.toUpperCase()} from ${found.id}`, result);
    throw new CliError(`mapping ${found.id} produced an invalid ${type.toUpperCase()} (${result.errorCount} error(s), listed above)`);
  }
  if (options.out) writeFileSync(path.resolve(ctx.io.cwd, options.out), edifact.toBytes(text));
  if (ctx.json) return ctx.printJson({ type: message.type, mapping: found.id, controlRef: options.controlRef, segments: message.segments.length + 2, file: options.out ?? null, interchange: text });
  if (options.out) ctx.print(`wrote ${message.type} (${message.segments.length + 2} segments, control reference ${options.controlRef}) to ${options.out} using ${found.id}`);
  else ctx.print(text.trimEnd());
}

export function registerEdiCommands(program: Command, io: CliIo): void {
  const edi = program.command('edi').description('EDIFACT files: parse, validate, generate from canonical JSON, acknowledge (local, no hub)');

  edi
    .command('parse <file>')
    .description('show the segments (or with --tree the envelope tree) of an interchange')
    .option('--tree', 'interchange → groups → messages instead of segments')
    .option('--leniency <mode>', 'strict (default) or permissive, for partners that deviate')
    .action((file: string, options: ReadOptions & { tree?: boolean }, command: Command) => {
      const ctx = commandContext(command, io);
      const interchange = parse(io, file, options);
      const segments = [interchange.header, ...interchange.groups.flatMap((g) => [g.header, ...g.messages.flatMap((m) => m.segments), ...(g.trailer ? [g.trailer] : [])]), ...interchange.messages.flatMap((m) => m.segments), ...(interchange.trailer ? [interchange.trailer] : [])];
      if (ctx.json) return ctx.printJson(options.tree ? tree(interchange) : { syntax: tree(interchange), segments: segments.map(({ index, offset, tag, elements }) => ({ index, offset, tag, elements })) });
      if (options.tree) return printTree(ctx, interchange);
      const width = String(segments.length).length;
      for (const s of segments) ctx.print(`${String(s.index).padStart(width)}  ${segmentText(s)}`);
    });

  edi
    .command('validate <file>')
    .description('check envelope, counts and every message against its D.96B/D.05B definition; exit 1 listing each error with its position')
    .option('--leniency <mode>', 'strict (default) or permissive')
    .action((file: string, options: ReadOptions, command: Command) => {
      const ctx = commandContext(command, io);
      const result = edifact.validateInterchange(parse(io, file, options), { leniency: leniencyOf(options) });
      if (ctx.json) ctx.printJson({ file, valid: result.valid, errorCount: result.errorCount, errors: result.errors.map((e) => e.toJSON()), warnings: result.warnings.map((w) => w.toJSON()) });
      else if (result.valid) ctx.print(`${file}: valid${result.warnings.length > 0 ? ` with ${result.warnings.length} warning(s)` : ''}`);
      if (!ctx.json) printErrors(ctx, file, result);
      if (!result.valid) throw new CliError(`${file} has ${result.errorCount} error(s)`, 1);
    });

  edi
    .command('generate <type>')
    .description('write an interchange (CUSDEC, CUSCAR, PAXLST, …) from a canonical JSON file with the mapping that produces it')
    .requiredOption('--from <file>', 'canonical JSON input (e.g. a CustomsDeclaration)')
    .option('--mapping <id>', 'the mapping to use (connector/name); default: the one named *-to-<type>')
    .option('--mappings <dir>', 'the mappings workspace (default: mappings in interline.yaml)')
    .option('-c, --config <file>', 'configuration file naming the mappings folder (default ./interline.yaml)')
    .option('--source', 'load the TypeScript mapping instead of the built dist/ (needs a TypeScript loader)')
    .option('--sender <id[:qualifier]>', 'UNB sender', 'INTERLINE')
    .option('--recipient <id[:qualifier]>', 'UNB recipient', 'RECIPIENT')
    .option('--control-ref <ref>', 'UNB 0020 control reference (also UNH 0062)', '1')
    .option('--syntax <id:version>', 'syntax identifier and version', 'UNOC:3')
    .option('--ack', 'ask for a CONTRL (UNB 0031 = 1)')
    .option('--test', 'mark as test interchange (UNB 0035 = 1)')
    .option('--out <file>', 'write the interchange to a file instead of stdout')
    .action((type: string, options: GenerateOptions, command: Command) => generate(commandContext(command, io), type, options));

  edi
    .command('ack <file>')
    .description('print the CONTRL that acknowledges (UCI 7) or rejects (UCI 4, with every error) the interchange')
    .option('--control-ref <ref>', 'UNB 0020 of the CONTRL', '1')
    .option('--leniency <mode>', 'strict (default) or permissive')
    .action((file: string, options: ReadOptions & { controlRef: string }, command: Command) => {
      const ctx = commandContext(command, io);
      const interchange = parse(io, file, options);
      if (edifact.allMessages(interchange).some((m) => m.type === 'CONTRL')) throw new CliError(`${file} holds a CONTRL; a CONTRL is never acknowledged (that would loop between partners)`);
      const result = edifact.validateInterchange(interchange, { leniency: leniencyOf(options) });
      const message = edifact.buildContrl(interchange, result, { controlRef: options.controlRef });
      const contrl = edifact.generateInterchange({
        sender: interchange.recipient,
        recipient: interchange.sender,
        controlRef: options.controlRef,
        date: new Date(io.now()),
        syntax: { identifier: interchange.syntax.identifier, version: interchange.syntax.version >= 4 ? 4 : 3 },
        messages: [message],
        lineEnd: '\n',
      });
      const action = result.errors.length > 0 ? edifact.ACTION_REJECTED : edifact.ACTION_ACKNOWLEDGED;
      if (ctx.json) return ctx.printJson({ file, action, acknowledgementRequested: interchange.ackRequested, errors: result.errors.length, contrl });
      if (!interchange.ackRequested) io.stderr.write(`interline: note: ${file} does not ask for a CONTRL (UNB 0031); printing one anyway\n`);
      ctx.print(contrl.trimEnd());
    });
}
