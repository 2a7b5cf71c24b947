import { MalformedInputError } from '../../src/errors';
import { JsonPatchError, applyJsonPatch, parseJsonPointer } from '../../src/dead-letters/json-patch';

/** The error a patch throws (the test fails if it applies). */
function failure(document: unknown, patch: unknown): JsonPatchError {
  try {
    applyJsonPatch(document, patch);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonPatchError);
    return error as JsonPatchError;
  }
  throw new Error('expected the patch to fail');
}

// The examples of RFC 6902 appendix A, written out here.
describe('RFC 6902 appendix A', () => {
  it.each([
    ['A.1 adding an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    ['A.2 adding an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    ['A.3 removing an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 removing an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    ['A.5 replacing a value', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [
      'A.6 moving a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    ['A.7 moving an array element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
    [
      'A.8 testing a value: success',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    ['A.10 adding a nested member object', { foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    ['A.11 ignoring unrecognized elements', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }], { foo: 'bar', baz: 'qux' }],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    ['A.16 adding an array value', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
  ])('%s', (_name, document, patch, expected) => {
    expect(applyJsonPatch(document, patch)).toEqual(expected);
  });

  it('A.9 testing a value: error', () => {
    expect(failure({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]).message).toBe(
      'patch operation 0 (test /baz): test failed: value is "qux", expected "bar"',
    );
  });

  it('A.12 adding to a nonexistent target', () => {
    expect(failure({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]).message).toBe(
      "patch operation 0 (add /baz/bat): parent /baz does not exist (no member 'baz' at the root); add the parent first",
    );
  });

  it('A.15 comparing strings and numbers', () => {
    expect(failure({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]).message).toBe(
      'patch operation 0 (test /~01): test failed: value is 10, expected "10"',
    );
  });
});

describe('applyJsonPatch', () => {
  const letter = { type: 'shipment.booking-requested', data: { weight: { value: '12.5', unit: 'kg' }, pieces: [{ id: 'p1' }, { id: 'p2' }] } };

  it('returns a new document and leaves the input and the patch untouched', () => {
    const before = structuredClone(letter);
    const value = { value: 12.5, unit: 'kg' };
    const patch = [{ op: 'replace', path: '/data/weight', value }];
    const result = applyJsonPatch(letter, patch) as typeof letter;
    expect(result.data.weight).toEqual({ value: 12.5, unit: 'kg' });
    expect(letter).toEqual(before);
    (result.data.weight as unknown as { value: number }).value = 99;
    expect(value.value).toBe(12.5);
  });

  it('applies all or nothing', () => {
    const before = structuredClone(letter);
    const error = failure(letter, [
      { op: 'remove', path: '/data/pieces/0' },
      { op: 'replace', path: '/data/volume', value: 1 },
    ]);
    expect(error.operationIndex).toBe(1);
    expect(letter).toEqual(before);
  });

  it('replaces the whole document with the root path', () => {
    expect(applyJsonPatch(letter, [{ op: 'replace', path: '', value: { fresh: true } }])).toEqual({ fresh: true });
    expect(applyJsonPatch(letter, [{ op: 'add', path: '', value: [1] }])).toEqual([1]);
    expect(applyJsonPatch(letter, [{ op: 'test', path: '', value: letter }])).toEqual(letter);
  });

  it('inserts at the end of an array by index and appends with -', () => {
    expect(applyJsonPatch([1, 2], [{ op: 'add', path: '/2', value: 3 }, { op: 'add', path: '/-', value: 4 }])).toEqual([1, 2, 3, 4]);
  });

  it('treats null as a value', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: null }])).toEqual({ a: null });
    expect(applyJsonPatch({ a: null }, [{ op: 'test', path: '/a', value: null }])).toEqual({ a: null });
  });

  it('copies deeply and moves within arrays', () => {
    const result = applyJsonPatch(letter, [
      { op: 'copy', from: '/data/pieces/0', path: '/data/pieces/-' },
      { op: 'replace', path: '/data/pieces/2/id', value: 'p3' },
      { op: 'move', from: '/data/pieces/2', path: '/data/pieces/0' },
    ]) as typeof letter;
    expect(result.data.pieces).toEqual([{ id: 'p3' }, { id: 'p1' }, { id: 'p2' }]);
  });

  it('compares objects regardless of member order in test', () => {
    expect(() => applyJsonPatch({ a: { x: 1, y: [1, { z: 2 }] } }, [{ op: 'test', path: '/a', value: { y: [1, { z: 2 }], x: 1 } }])).not.toThrow();
    expect(failure({ a: [1, 2] }, [{ op: 'test', path: '/a', value: [2, 1] }]).message).toContain('test failed');
    expect(failure({ a: { x: 1 } }, [{ op: 'test', path: '/a', value: { x: 1, y: 2 } }]).message).toContain('test failed');
  });

  it('keeps a member named __proto__ as data', () => {
    const result = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<string, unknown>;
    // Had the prototype been swapped, `polluted` would be inherited.
    expect(result.polluted).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('moving a value onto itself changes nothing', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'move', from: '/a', path: '/a' }])).toEqual({ a: 1 });
  });
});

describe('applyJsonPatch errors', () => {
  it.each([
    ['a patch that is not an array', { op: 'add' }, undefined, 'a JSON Patch is an array of operations'],
    ['an operation that is not an object', ['add'], 0, 'patch operation 0: must be an object with "op" and "path" (got a string ("add"))'],
    ['a missing op', [{ path: '/a' }], 0, 'patch operation 0: is missing "op" (expected one of add, remove, replace, move, copy, test)'],
    ['an unknown op', [{ op: 'test', path: '/data', value: letterData() }, { op: 'upsert', path: '/a' }], 1, 'patch operation 1: unknown op "upsert" (expected one of'],
    ['a missing path', [{ op: 'remove' }], 0, 'patch operation 0: remove needs "path" as a JSON pointer string such as "/data/weight" (got nothing)'],
    ['a path without a leading slash', [{ op: 'remove', path: 'data/weight' }], 0, `patch operation 0: "path": 'data/weight' is not a JSON pointer: it must be "" or start with '/'`],
    ['a bad ~ escape', [{ op: 'remove', path: '/a~2b' }], 0, "'~' must be followed by 0 (for ~) or 1 (for /)"],
    ['a missing from', [{ op: 'move', path: '/a' }], 0, 'patch operation 0: move needs "from" as a JSON pointer string'],
    ['a missing value', [{ op: 'add', path: '/a' }], 0, 'patch operation 0: add /a needs a "value"'],
    ['a missing value for replace', [{ op: 'replace', path: '/a' }], 0, 'patch operation 0: replace /a needs a "value"'],
    ['a missing value for test', [{ op: 'test', path: '/a' }], 0, 'patch operation 0: test /a needs a "value"'],
  ])('rejects %s', (_label, patch, index, message) => {
    const error = failure({ data: letterData() }, patch);
    expect(error.message).toContain(message);
    expect(error.operationIndex).toBe(index);
    expect(error).toBeInstanceOf(MalformedInputError);
    expect(error.errorClass).toBe('malformed');
  });

  it.each([
    ['replace of a missing member', { op: 'replace', path: '/data/volume', value: 1 }, "patch operation 2 (replace /data/volume): path does not exist; use 'add' to create it"],
    ['remove of a missing member', { op: 'remove', path: '/data/volume' }, "patch operation 2 (remove /data/volume): path does not exist, so there is nothing to remove (no member 'volume' at /data)"],
    ['remove past the end', { op: 'remove', path: '/data/pieces/5' }, 'patch operation 2 (remove /data/pieces/5): path does not exist, so there is nothing to remove (/data/pieces/5 is past the end of an array of 2 items)'],
    ['remove with -', { op: 'remove', path: '/data/pieces/-' }, "(remove /data/pieces/-): path does not exist, so there is nothing to remove ('-' means after the last item and only works with 'add')"],
    ['remove of the whole document', { op: 'remove', path: '' }, `patch operation 2 (remove ""): cannot remove the whole document; use 'replace' with path "" to change it`],
    ['add into a scalar', { op: 'add', path: '/data/weight/value/x', value: 1 }, "patch operation 2 (add /data/weight/value/x): /data/weight/value is a string (\"12.5\"), not an object or array, so it has no member 'x'"],
    ['add at a non-numeric index', { op: 'add', path: '/data/pieces/first', value: 1 }, "patch operation 2 (add /data/pieces/first): 'first' is not an array index (use digits without leading zeros, or '-' to append)"],
    ['add at an index with a leading zero', { op: 'add', path: '/data/pieces/01', value: 1 }, "'01' is not an array index"],
    ['add past the end', { op: 'add', path: '/data/pieces/3', value: 1 }, "patch operation 2 (add /data/pieces/3): index 3 is past the end of an array of 2 items; use '-' to append"],
    ['move from a missing member', { op: 'move', from: '/data/volume', path: '/data/v' }, 'patch operation 2 (move /data/volume → /data/v): "from" /data/volume does not exist'],
    ['move into its own child', { op: 'move', from: '/data', path: '/data/pieces/0/data' }, 'patch operation 2 (move /data → /data/pieces/0/data): cannot move a value into one of its own children'],
    ['copy from a missing member', { op: 'copy', from: '/data/pieces/9', path: '/data/x' }, 'patch operation 2 (copy /data/pieces/9 → /data/x): "from" /data/pieces/9 does not exist'],
    ['copy to a missing parent', { op: 'copy', from: '/data/pieces/0', path: '/nope/x' }, 'patch operation 2 (copy /data/pieces/0 → /nope/x): parent /nope does not exist'],
    ['test of a missing member', { op: 'test', path: '/data/volume', value: 1 }, "patch operation 2 (test /data/volume): test failed: path does not exist (no member 'volume' at /data)"],
  ])('explains %s with the operation index, op and path', (_label, operation, message) => {
    const patch = [{ op: 'test', path: '/type', value: 'shipment.booking-requested' }, { op: 'add', path: '/data/checked', value: true }, operation];
    const error = failure({ type: 'shipment.booking-requested', data: letterData() }, patch);
    expect(error.message).toContain(message);
    expect(error.operationIndex).toBe(2);
    expect(error.details).toMatchObject({ operation: 2, op: operation.op, path: operation.path });
  });

  it('refuses a document that is not plain JSON', () => {
    expect(failure({ f: () => 1 }, []).message).toContain('the document cannot be patched: it is not plain JSON');
  });
});

describe('parseJsonPointer', () => {
  it('decodes ~1 before ~0, as RFC 6901 requires', () => {
    expect(parseJsonPointer('')).toEqual([]);
    expect(parseJsonPointer('/')).toEqual(['']);
    expect(parseJsonPointer('/a~1b/m~0n/~01')).toEqual(['a/b', 'm~n', '~1']);
  });

  it('rejects malformed pointers', () => {
    expect(() => parseJsonPointer('a')).toThrow("it must be \"\" or start with '/'");
    expect(() => parseJsonPointer('/a~')).toThrow("'~' must be followed by 0");
  });
});

function letterData() {
  return { weight: { value: '12.5', unit: 'kg' }, pieces: [{ id: 'p1' }, { id: 'p2' }] };
}
