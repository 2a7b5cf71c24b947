// Commander argument parsers: a bad value becomes commander's one-line "argument … is invalid".
import { InvalidArgumentError } from 'commander';
import { parseDuration } from './time';

export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number above 0 (messages per second).');
  return n;
}

/** A lifetime such as 1h or 30m, in whole seconds. */
export function durationSeconds(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms < 1000) throw new InvalidArgumentError('expected a duration of at least 1s, such as 30m, 1h or 7d.');
  return Math.floor(ms / 1000);
}
