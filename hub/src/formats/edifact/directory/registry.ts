// The message directory: definitions discovered as data files, compiled once, looked up by UNH identifier.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DefinitionError, compileDictionary, compileMessage } from './compile';
import type { CompiledMessage, DirectoryDefinition, SegmentSpec } from './types';

export function messageKey(type: string, version: string, release: string, agency: string): string {
  return `${type}:${version}:${release}:${agency}`;
}

/** The dictionary holding UNB/UNH/UNT/UNS (and the CONTRL segments) for a syntax version. */
export function serviceDictionaryId(syntaxVersion: number): string {
  return syntaxVersion >= 4 ? 'SYNTAX4' : 'SYNTAX3';
}

export class MessageDirectory {
  private readonly dictionaries = new Map<string, Map<string, SegmentSpec>>();
  private readonly messages = new Map<string, CompiledMessage>();
  private readonly merged = new Map<string, Map<string, SegmentSpec>>();

  /** Adds a definition at run time (a partner's subset, a new directory); the last one for a key wins. */
  register(definition: DirectoryDefinition): this {
    this.merged.clear();
    if (definition.kind === 'segments') {
      const existing = this.dictionaries.get(definition.id) ?? new Map<string, SegmentSpec>();
      for (const [tag, spec] of compileDictionary(definition)) existing.set(tag, spec);
      this.dictionaries.set(definition.id, existing);
    } else {
      const { type, version, release, agency } = definition;
      this.messages.set(messageKey(type, version, release, agency), compileMessage(definition));
    }
    return this;
  }

  message(type: string, version: string, release: string, agency: string): CompiledMessage | undefined {
    return this.messages.get(messageKey(type, version, release, agency));
  }

  /** A segment's definition: the message's dictionary first, then the syntax version's service segments. */
  segment(dictionaryId: string, serviceDictionary: string, tag: string): SegmentSpec | undefined {
    return this.dictionaries.get(dictionaryId)?.get(tag) ?? this.dictionaries.get(serviceDictionary)?.get(tag);
  }

  /** All segments a message can use, its own dictionary first: one lookup per segment while validating. */
  segmentsFor(dictionaryId: string, serviceDictionary: string): Map<string, SegmentSpec> {
    const key = `${dictionaryId}|${serviceDictionary}`;
    let merged = this.merged.get(key);
    if (!merged) {
      merged = new Map([...(this.dictionaries.get(serviceDictionary) ?? []), ...(this.dictionaries.get(dictionaryId) ?? [])]);
      this.merged.set(key, merged);
    }
    return merged;
  }

  /** Checks that every message names a registered dictionary holding all of its segments. */
  verify(): void {
    for (const [key, message] of this.messages) {
      const own = this.dictionaries.get(message.definition.segmentDictionary);
      if (!own) throw new DefinitionError(`${key}: segment dictionary ${message.definition.segmentDictionary} is not registered`);
      for (const tag of message.tags) {
        if (!own.has(tag) && !this.dictionaries.get('SYNTAX3')?.has(tag) && !this.dictionaries.get('SYNTAX4')?.has(tag)) {
          throw new DefinitionError(`${key}: segment ${tag} is in the table but in no dictionary`);
        }
      }
    }
  }

  messageKeys(): string[] {
    return [...this.messages.keys()].sort();
  }
}

let bundled: MessageDirectory | undefined;
const BUNDLED_FOLDER = path.join(__dirname, 'definitions');

/** The definitions shipped in ./definitions, loaded once and shared: do not register into it. */
export function bundledDirectory(): MessageDirectory {
  bundled ??= createDirectory();
  return bundled;
}

/**
 * A new directory with the shipped definitions plus the definition files of `folders` (a partner's
 * messages, another UN directory): the same data-file format, discovered the same way.
 */
export function createDirectory(folders: string[] = []): MessageDirectory {
  const directory = new MessageDirectory();
  for (const folder of [BUNDLED_FOLDER, ...folders]) {
    for (const definition of loadDefinitions(folder)) directory.register(definition);
  }
  directory.verify();
  return directory;
}

/**
 * Loads every definition file of a folder: modules exporting a definition as default, or .json files.
 * Discovery (rather than an import list) is what makes adding a message or directory a matter of adding
 * one data file; modules follow this file's own extension, so the same code loads .ts under the test
 * runner and .js from the build.
 */
export function loadDefinitions(folder: string): DirectoryDefinition[] {
  const extension = path.extname(__filename);
  const isModule = (file: string): boolean => file.endsWith(extension) && !file.endsWith(`.d${extension}`);
  const files = readdirSync(folder).filter((file) => isModule(file) || file.endsWith('.json'));
  return files.sort().map((file) => {
    const where = path.join(folder, file);
    const definition = file.endsWith('.json')
      ? (JSON.parse(readFileSync(where, 'utf8')) as unknown)
      : // eslint-disable-next-line @typescript-eslint/no-require-imports -- run-time discovery of data modules (see above)
        (require(where) as { default?: unknown }).default;
    const kind = (definition as { kind?: unknown } | undefined)?.kind;
    if (kind !== 'segments' && kind !== 'message') {
      throw new DefinitionError(`${where}: a definition file must hold (or export default) a SegmentDictionary or a MessageDefinition`);
    }
    return definition as DirectoryDefinition;
  });
}
