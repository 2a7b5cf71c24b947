// Test helpers: the fixture interchanges and small builders for hand-made ones.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EdifactError, Segment } from '../../../src/formats/edifact';

export const FIXTURE_DIR = path.join(__dirname, 'fixtures');

/** Every fixture file name (all valid interchanges). */
export const FIXTURES = readdirSync(FIXTURE_DIR)
  .filter((file) => file.endsWith('.edi'))
  .sort();

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURE_DIR, name));
}

/** A fixture as text, for editing it into a faulty variant (all fixtures are latin-1 or ASCII). */
export function fixtureText(name: string): string {
  return fixture(name).toString('latin1');
}

/** Tag and elements only: what two parses of the same data must agree on. */
export function shape(segment: Segment): { tag: string; elements: string[][]; repetitions?: Record<number, string[][]> } {
  return segment.repetitions ? { tag: segment.tag, elements: segment.elements, repetitions: segment.repetitions } : { tag: segment.tag, elements: segment.elements };
}

/** The thrown EdifactError of `work`, failing the test when nothing (or something else) is thrown. */
export function thrown(work: () => unknown): EdifactError {
  try {
    work();
  } catch (error) {
    if (error instanceof Error && error.name === 'EdifactError') return error as EdifactError;
    throw error;
  }
  throw new Error('expected an EdifactError, nothing was thrown');
}

export async function rejected(work: () => Promise<unknown>): Promise<EdifactError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Error && error.name === 'EdifactError') return error as EdifactError;
    throw error;
  }
  throw new Error('expected an EdifactError, nothing was thrown');
}

/** A minimal syntax 3 interchange around message bodies written with the level A separators. */
export function interchange(messages: string[], options: { una?: string; syntax?: string; ack?: boolean } = {}): string {
  const body = messages.join('');
  const count = messages.length;
  const syntax = options.syntax ?? 'UNOA:3';
  const date = syntax.endsWith(':4') ? '20240115' : '240115';
  return `${options.una ?? ''}UNB+${syntax}+SENDER:ZZ+RECEIVER:ZZ+${date}:0930+REF42${options.ack ? '++++1' : ''}'${body}UNZ+${count}+REF42'`;
}

/** UNH … UNT around body segments, with the right segment count. */
export function message(reference: string, identifier: string, body: string[]): string {
  return `UNH+${reference}+${identifier}'${body.map((s) => `${s}'`).join('')}UNT+${body.length + 2}+${reference}'`;
}
