// The fixed test credentials the simulator accepts (never real secrets) and its API-key check,
// answered the way Stripe answers: 401 with an invalid_request_error that masks the key.

export const SIMULATOR_SECRET_KEY = 'sk_test_interline_simulator_4eC39HqLyjWDarjtT1zdp7dc';
/** The signing secret the simulator signs webhooks with until another is set through /__sim/config. */
export const SIMULATOR_WEBHOOK_SECRET = 'whsec_interline_simulator_9f86d081884c7d659a2feaa0';

/** Why the Authorization header is refused, or undefined when it carries the simulator's key. */
export function apiKeyProblem(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') {
    return 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').';
  }
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  let key: string;
  if (scheme.toLowerCase() === 'bearer') key = value;
  // Basic auth with the key as user name and an empty password, as curl -u sk_test_…: does.
  else if (scheme.toLowerCase() === 'basic') key = Buffer.from(value, 'base64').toString('utf8').replace(/:$/, '');
  else return `Invalid authorization header scheme "${scheme}"; use Bearer auth with your secret key.`;
  if (key === SIMULATOR_SECRET_KEY) return undefined;
  return `Invalid API Key provided: ${maskKey(key)}`;
}

/** Stripe shows the prefix and the last four characters of a refused key, never the rest. */
export function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  const tail = key.length > prefix.length + 4 ? key.slice(-4) : '';
  return `${prefix}${'*'.repeat(Math.max(4, key.length - prefix.length - tail.length))}${tail}`;
}
