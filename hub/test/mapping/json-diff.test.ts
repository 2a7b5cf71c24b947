import { diffJson, formatCaseResults, formatDifference, showValue } from '../../src/mapping/json-diff';

describe('diffJson', () => {
  it('finds nothing between equal documents, whatever their key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual([]);
  });

  it('names a changed value by its path, including a type change', () => {
    const differences = diffJson({ pieces: [{ weight: 12.5 }] }, { pieces: [{ weight: '12.5' }] });
    expect(differences).toEqual([{ path: '/pieces/0/weight', kind: 'changed', expected: 12.5, actual: '12.5' }]);
    expect(formatDifference(differences[0]!)).toBe('/pieces/0/weight: expected 12.5, got "12.5"');
  });

  it('reports missing and extra keys', () => {
    const differences = diffJson({ a: 1, b: 2 }, { a: 1, c: 3 });
    expect(differences.map(formatDifference)).toEqual(['/b: missing (expected 2)', '/c: unexpected (got 3)']);
  });

  it('reports missing and extra array items', () => {
    expect(diffJson([1, 2, 3], [1]).map(formatDifference)).toEqual(['/1: missing (expected 2)', '/2: missing (expected 3)']);
    expect(diffJson([1], [1, { x: 1 }]).map(formatDifference)).toEqual(['/1: unexpected (got {"x":1})']);
  });

  it('treats undefined-valued keys as absent, as serialization would', () => {
    expect(diffJson({ a: 1 }, { a: 1, b: undefined })).toEqual([]);
  });

  it('escapes "/" and "~" in keys as RFC 6901 does', () => {
    expect(diffJson({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 2 }).map((d) => d.path)).toEqual(['/a~1b', '/c~0d']);
  });

  it('compares whole documents of different shapes', () => {
    expect(diffJson({ a: 1 }, [1]).map(formatDifference)).toEqual(['(whole document): expected {"a":1}, got [1]']);
    expect(diffJson(null, {}).map(formatDifference)).toEqual(['(whole document): expected null, got {}']);
  });

  it('shortens long values', () => {
    expect(showValue('x'.repeat(200))).toHaveLength(80);
    expect(showValue(undefined)).toBe('nothing');
  });
});

describe('formatCaseResults', () => {
  it('marks each case, indents differences and errors, and sums up', () => {
    const report = formatCaseResults([
      { mapping: 'http/shipment', case: 'basic', passed: true },
      {
        mapping: 'http/shipment',
        case: 'string weight',
        passed: false,
        diff: [{ path: '/pieces/0/weight', kind: 'changed', expected: 12.5, actual: '12.5' }],
      },
      { mapping: 'http/partner', case: 'bad input', passed: false, error: 'threw: boom\nsecond line' },
    ]);
    expect(report).toBe(
      [
        '✓ http/shipment › basic',
        '✗ http/shipment › string weight',
        '    /pieces/0/weight: expected 12.5, got "12.5"',
        '✗ http/partner › bad input',
        '    threw: boom',
        '    second line',
        '3 cases, 1 passed, 2 failed',
      ].join('\n'),
    );
  });

  it('caps a long list of differences', () => {
    const diff = Array.from({ length: 25 }, (_, i) => ({ path: `/${i}`, kind: 'missing' as const, expected: i }));
    const report = formatCaseResults([{ mapping: 'm/x', case: 'shifted', passed: false, diff }]);
    expect(report).toContain('    /19: missing (expected 19)');
    expect(report).not.toContain('/20:');
    expect(report).toContain('… and 5 more differences');
    expect(report.endsWith('1 case, 0 passed, 1 failed')).toBe(true);
  });

  it('reports an empty run', () => {
    expect(formatCaseResults([])).toBe('0 cases, 0 passed, 0 failed');
  });
});
