import { MappingError } from '../../src/errors';
import {
  DEFAULT_JSONATA_LIMITS,
  JsonataLimitError,
  JsonataSyntaxError,
  compileJsonata,
  jsonataBoolean,
} from '../../src/mapping/jsonata-limits';

const COUNT_DOWN = (n: number) => `( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(${n}) )`;
// Tail-recursive, so JSONata trampolines it: the call depth stays at 1 while it spins.
const SPIN_FOREVER = '( $loop := function($i) { $loop($i + 1) }; $loop(0) )';

describe('compileJsonata', () => {
  it('evaluates an expression with bindings', async () => {
    const expression = compileJsonata('data.weight.value * $factor');
    await expect(expression.evaluate({ data: { weight: { value: 2.5 } } }, { factor: 4 })).resolves.toBe(10);
  });

  it('reports a syntax error with its position, naming the expression', () => {
    let caught: unknown;
    try {
      compileJsonata('data.weight.value >', { name: "route 'x' from.when" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonataSyntaxError);
    const error = caught as JsonataSyntaxError;
    expect(error.message).toContain("route 'x' from.when");
    expect(error.message).toContain('`data.weight.value >`');
    expect(error.message).toMatch(/syntax error at character \d+/);
    expect(error.position).toBeGreaterThan(0);
    expect(error.errorClass).toBe('mapping');
  });

  it('stops an endless loop at the time limit, naming the expression and the limit', async () => {
    const expression = compileJsonata(SPIN_FOREVER, { name: 'spin', limits: { timeoutMs: 100 } });
    const started = Date.now();
    const error = await expression.evaluate({}).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(JsonataLimitError);
    expect((error as JsonataLimitError).limit).toBe('time');
    expect((error as Error).message).toContain('spin');
    expect((error as Error).message).toContain('time limit of 100 ms');
  });

  it('stops runaway recursion at the depth limit before it eats the heap', async () => {
    const expression = compileJsonata(COUNT_DOWN(100_000), { limits: { maxDepth: 50, timeoutMs: 10_000 } });
    const error = await expression.evaluate({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonataLimitError);
    expect((error as JsonataLimitError).limit).toBe('depth');
    expect((error as Error).message).toContain('call depth limit of 50');
    expect((error as Error).message).toContain('$f := function');
  });

  it('allows recursion within the depth limit', async () => {
    await expect(compileJsonata(COUNT_DOWN(40), { limits: { maxDepth: 50 } }).evaluate({})).resolves.toBe(40);
  });

  it('does not count wide data fan-out as depth', async () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, weight: i }));
    // This test is about depth, not time: a loaded CI machine must not trip the default 1 s limit.
    const perPiece = compileJsonata('( $kg := function($w) { $w * 1 }; pieces.{ "id": id, "kg": $kg(weight) } )', { limits: { maxDepth: 10, timeoutMs: 30_000 } });
    expect((await perPiece.evaluate({ pieces })) as unknown[]).toHaveLength(1000);
    // Group-by values are evaluated concurrently; without function calls they add no depth.
    const grouped = compileJsonata('pieces{ id: weight * 2 }', { limits: { maxDepth: 10, timeoutMs: 30_000 } });
    expect(Object.keys((await grouped.evaluate({ pieces })) as object)).toHaveLength(1000);
  });

  it('counts $eval nesting as depth too', async () => {
    const expression = compileJsonata('( $s := "$eval($s)"; $eval($s) )', { limits: { maxDepth: 20, timeoutMs: 5000 } });
    const error = await expression.evaluate({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonataLimitError);
    expect((error as JsonataLimitError).limit).toBe('depth');
  });

  it('keeps limits per evaluation when evaluations of one expression overlap', async () => {
    const expression = compileJsonata('$n = 0 ? "quick" : ( $loop := function($i) { $loop($i + 1) }; $loop(0) )', { limits: { timeoutMs: 100 } });
    const [slow, quick] = await Promise.allSettled([expression.evaluate({}, { n: 1 }), expression.evaluate({}, { n: 0 })]);
    expect(slow.status).toBe('rejected');
    expect(quick).toEqual({ status: 'fulfilled', value: 'quick' });
  });

  it('wraps ordinary evaluation errors in a MappingError with the JSONata code', async () => {
    const error = await compileJsonata('"a" + 1', { name: 'sum' }).evaluate({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect(error).not.toBeInstanceOf(JsonataLimitError);
    expect((error as Error).message).toMatch(/sum .*failed at character \d+: .*\(T2001\)/);
  });

  it('defaults to a 1 s time limit and a call depth of 1000', () => {
    expect(DEFAULT_JSONATA_LIMITS).toEqual({ timeoutMs: 1000, maxDepth: 1000 });
    expect(compileJsonata('1').limits).toEqual(DEFAULT_JSONATA_LIMITS);
  });
});

describe('jsonataBoolean', () => {
  it.each([
    [undefined, false],
    [null, false],
    [true, true],
    [0, false],
    [3, true],
    ['', false],
    ['x', true],
    [[], false],
    [[false], false],
    [[false, 1], true],
    [{}, false],
    [{ a: 1 }, true],
  ])('casts %j to %s like $boolean()', (value, expected) => {
    expect(jsonataBoolean(value)).toBe(expected);
  });
});
