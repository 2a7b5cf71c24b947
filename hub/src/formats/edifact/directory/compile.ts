// Turns the compact data notation of definitions into checked runtime structures, naming any typo precisely.
import { internTag } from '../tags';
import type {
  CompiledMessage,
  ComponentSpec,
  ElementSpec,
  Format,
  MessageDefinition,
  SegmentDictionary,
  SegmentSpec,
  TableEntry,
  TableNode,
} from './types';

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
}

const formats = new Map<string, Format>();

export function parseFormat(text: string, where: string): Format {
  const cached = formats.get(text);
  if (cached) return cached;
  const match = /^(an|a|n)(\.\.)?(\d+)$/.exec(text);
  if (!match) throw new DefinitionError(`${where}: representation ${JSON.stringify(text)} is not like an..35, n3 or a1`);
  const max = Number(match[3]);
  const format: Format = { type: match[1] as Format['type'], min: match[2] ? 1 : max, max, text };
  formats.set(text, format);
  return format;
}

function parseStatus(status: string | undefined, where: string): boolean {
  if (status === 'M') return true;
  if (status === 'C') return false;
  throw new DefinitionError(`${where}: status ${JSON.stringify(status)} must be M or C`);
}

export function compileDictionary(dictionary: SegmentDictionary): Map<string, SegmentSpec> {
  const specs = new Map<string, SegmentSpec>();
  for (const [tag, refs] of Object.entries(dictionary.segments)) {
    const elements = refs.map((ref, i) => compileElement(dictionary, ref, `${dictionary.id} ${tag} element ${i + 1}`));
    specs.set(internTag(tag), { tag: internTag(tag), elements });
  }
  return specs;
}

function compileElement(dictionary: SegmentDictionary, ref: string, where: string): ElementSpec {
  const [status, id, repeatText] = ref.split(' ');
  const mandatory = parseStatus(status, where);
  if (!id) throw new DefinitionError(`${where}: ${JSON.stringify(ref)} names no element`);
  const repeat = repeatText ? Number(repeatText.replace(/^x/, '')) : 1;
  if (!Number.isInteger(repeat) || repeat < 1) throw new DefinitionError(`${where}: repetition ${JSON.stringify(repeatText)} must be like x5`);
  const components = dictionary.composites[id];
  if (components) {
    return { id, mandatory, repeat, components: components.map((c, i) => compileComponent(dictionary, c, `${where} (${id} component ${i + 1})`)) };
  }
  const format = dictionary.elements[id];
  if (!format) throw new DefinitionError(`${where}: ${id} is neither a composite nor a simple element of ${dictionary.id}`);
  return { id, mandatory, repeat, format: parseFormat(format, `${where} (${id})`) };
}

function compileComponent(dictionary: SegmentDictionary, ref: string, where: string): ComponentSpec {
  const [status, id] = ref.split(' ');
  const mandatory = parseStatus(status, where);
  const format = id ? dictionary.elements[id] : undefined;
  if (!id || !format) throw new DefinitionError(`${where}: component ${JSON.stringify(ref)} has no representation in ${dictionary.id}`);
  return { id, mandatory, format: parseFormat(format, `${where} (${id})`) };
}

export function compileMessage(definition: MessageDefinition): CompiledMessage {
  const tags = new Set<string>();
  const where = `${definition.type} ${definition.version}${definition.release}`;
  const root = definition.table.map((entry) => compileEntry(entry, where, tags));
  return { definition, root, tags };
}

function compileEntry(entry: TableEntry, where: string, tags: Set<string>): TableNode {
  if (typeof entry === 'string') {
    const { name, mandatory, max } = parseLine(entry, where);
    const tag = internTag(name);
    tags.add(tag);
    return { kind: 'segment', name: tag, trigger: tag, mandatory, max, children: [] };
  }
  const [line, ...entries] = entry;
  const { name, mandatory, max } = parseLine(line, where);
  if (!/^SG\d+$/.test(name)) throw new DefinitionError(`${where}: group line ${JSON.stringify(line)} must start with SGn`);
  const children = entries.map((child) => compileEntry(child, `${where} ${name}`, tags));
  const first = children[0];
  if (!first || first.kind !== 'segment') throw new DefinitionError(`${where} ${name}: a group must start with a segment`);
  return { kind: 'group', name, trigger: first.trigger, mandatory, max, children };
}

function parseLine(line: string, where: string): { name: string; mandatory: boolean; max: number } {
  const [name, status, maxText] = line.split(' ');
  const max = Number(maxText);
  if (!name || !Number.isInteger(max) || max < 1) throw new DefinitionError(`${where}: table line ${JSON.stringify(line)} must be like 'BGM M 1'`);
  return { name, mandatory: parseStatus(status, `${where} ${name}`), max };
}
