// The dead-letter filter flags shared by `dlq list` and `dlq replay --filter`, and their
// translation into the admin API's query parameters.
import type { Command } from 'commander';
import type { DeadLetterQuery } from '../api/types';
import { CliError } from '../errors';
import { parseTimeBound } from '../options/time';

export interface FilterFlags {
  route?: string;
  connector?: string;
  type?: string;
  errorClass?: string;
  since?: string;
  until?: string;
  text?: string;
}

const FLAG_NAMES: Record<keyof FilterFlags, string> = {
  route: '--route',
  connector: '--connector',
  type: '--type',
  errorClass: '--error-class',
  since: '--since',
  until: '--until',
  text: '--text',
};

export function addFilterOptions(command: Command): Command {
  return command
    .option('--route <route>', 'only this route id')
    .option('--connector <name>', 'only deliveries to this connector')
    .option('--type <event-type>', 'only this event type')
    .option('--error-class <class>', 'only this error class (transient, permanent, validation, mapping, …)')
    .option('--since <when>', 'dead at or after: a duration ago (30m, 2h, 1d) or an ISO time')
    .option('--until <when>', 'dead before: a duration ago (30m, 2h, 1d) or an ISO time')
    .option('--text <text>', 'free text in the error message or the payload');
}

/** The filter flags that were given, as their command-line names. */
export function givenFilterFlags(flags: FilterFlags): string[] {
  return (Object.keys(FLAG_NAMES) as Array<keyof FilterFlags>).filter((key) => flags[key] !== undefined).map((key) => FLAG_NAMES[key]);
}

function bound(flag: '--since' | '--until', value: string | undefined, now: number): string | undefined {
  if (value === undefined) return undefined;
  const iso = parseTimeBound(value, now);
  if (!iso) throw new CliError(`${flag} '${value}' is neither a duration (30m, 2h, 1d) nor an ISO 8601 time (2024-05-01T10:00:00Z)`);
  return iso;
}

export function filterQuery(flags: FilterFlags, now: number): DeadLetterQuery {
  return {
    route: flags.route,
    connector: flags.connector,
    type: flags.type,
    errorClass: flags.errorClass,
    since: bound('--since', flags.since, now),
    until: bound('--until', flags.until, now),
    q: flags.text,
  };
}

/** "--route odoo-booking --since 2h" for messages about a filtered set. */
export function describeFilters(flags: FilterFlags): string {
  const parts = (Object.keys(FLAG_NAMES) as Array<keyof FilterFlags>)
    .filter((key) => flags[key] !== undefined)
    .map((key) => `${FLAG_NAMES[key]} ${JSON.stringify(flags[key])}`);
  return parts.length > 0 ? `matching ${parts.join(' ')}` : 'in the whole queue (no filter given)';
}
