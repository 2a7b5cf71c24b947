// Path-wise differences between expected and actual JSON, and the text report of fixture case
// results, so a failing case says which field is wrong rather than dumping two documents.
import type { CaseResult } from './fixture-runner';

export type JsonDifference =
  | { path: string; kind: 'changed'; expected: unknown; actual: unknown }
  | { path: string; kind: 'missing'; expected: unknown }
  | { path: string; kind: 'extra'; actual: unknown };

/**
 * Differences as RFC 6901 pointers ('' is the whole document). Object key order does not matter;
 * array order does. A key whose value is undefined counts as absent, as it would once serialized.
 */
export function diffJson(expected: unknown, actual: unknown, path = ''): JsonDifference[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const differences: JsonDifference[] = [];
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      const itemPath = `${path}/${i}`;
      if (i >= actual.length) differences.push({ path: itemPath, kind: 'missing', expected: expected[i] });
      else if (i >= expected.length) differences.push({ path: itemPath, kind: 'extra', actual: actual[i] });
      else differences.push(...diffJson(expected[i], actual[i], itemPath));
    }
    return differences;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const differences: JsonDifference[] = [];
    for (const key of Object.keys(expected)) {
      if (expected[key] === undefined) continue;
      const keyPath = `${path}/${escapePointer(key)}`;
      if (!Object.hasOwn(actual, key) || actual[key] === undefined) differences.push({ path: keyPath, kind: 'missing', expected: expected[key] });
      else differences.push(...diffJson(expected[key], actual[key], keyPath));
    }
    for (const key of Object.keys(actual)) {
      if (actual[key] === undefined || (Object.hasOwn(expected, key) && expected[key] !== undefined)) continue;
      differences.push({ path: `${path}/${escapePointer(key)}`, kind: 'extra', actual: actual[key] });
    }
    return differences;
  }
  if (expected === actual) return [];
  return [{ path, kind: 'changed', expected, actual }];
}

/** "/pieces/0/weight: expected 12.5, got "12.5"". */
export function formatDifference(difference: JsonDifference): string {
  const where = difference.path === '' ? '(whole document)' : difference.path;
  switch (difference.kind) {
    case 'changed':
      return `${where}: expected ${showValue(difference.expected)}, got ${showValue(difference.actual)}`;
    case 'missing':
      return `${where}: missing (expected ${showValue(difference.expected)})`;
    case 'extra':
      return `${where}: unexpected (got ${showValue(difference.actual)})`;
  }
}

/** Differences listed per failing case, so a large shifted array does not flood the report. */
const MAX_DIFFERENCES_SHOWN = 20;

/** ✓/✗ per case with differences and errors indented, then "12 cases, 11 passed, 1 failed". */
export function formatCaseResults(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.passed ? '✓' : '✗'} ${result.mapping} › ${result.case}`);
    if (result.passed) continue;
    if (result.error !== undefined) lines.push(...indent(result.error));
    const differences = result.diff ?? [];
    for (const difference of differences.slice(0, MAX_DIFFERENCES_SHOWN)) lines.push(...indent(formatDifference(difference)));
    if (differences.length > MAX_DIFFERENCES_SHOWN) lines.push(`    … and ${differences.length - MAX_DIFFERENCES_SHOWN} more differences`);
  }
  const passed = results.filter((result) => result.passed).length;
  lines.push(`${results.length} ${results.length === 1 ? 'case' : 'cases'}, ${passed} passed, ${results.length - passed} failed`);
  return lines.join('\n');
}

/** A value as it would appear in JSON, shortened so one difference stays on one line. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `    ${line}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
