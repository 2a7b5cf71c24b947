// Structured JSON logs (pino) that carry correlation ids and never print secrets.
import pino from 'pino';

export type Logger = pino.Logger;

/** Field names whose values are replaced wherever they appear in a log line. */
export const REDACTED_KEYS = [
  'password',
  'secret',
  'token',
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'clientSecret',
  'client_secret',
  'privateKey',
  'cardNumber',
  'card_number',
  'cvc',
];

const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`, `config.*.${key}`]);

export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.INTERLINE_LOG_LEVEL ?? 'info';
  return pino(
    {
      name: options.name ?? 'interline',
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** A logger that writes nothing, for tests and library use without a runtime. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
