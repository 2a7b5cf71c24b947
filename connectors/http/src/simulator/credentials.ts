// The fixed credentials the simulator accepts (test values, never real secrets) and its auth check.

export const SIMULATOR_BEARER_TOKEN = 'sim-http-bearer-token';
export const SIMULATOR_BASIC = { username: 'sim-user', password: 'sim-password' } as const;
/** The webhookSecret configFor() hands out, so webhooks in embedded mode are signed too. */
export const SIMULATOR_WEBHOOK_SECRET = 'sim-http-webhook-secret';

/** Why the Authorization header is refused, or undefined when it carries accepted credentials. */
export function authorizationProblem(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return 'missing Authorization header: send "Bearer <token>" or Basic credentials';
  const [scheme = '', value = ''] = header.split(' ', 2);
  if (scheme.toLowerCase() === 'bearer') {
    return value === SIMULATOR_BEARER_TOKEN ? undefined : 'the bearer token is not valid';
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded === `${SIMULATOR_BASIC.username}:${SIMULATOR_BASIC.password}` ? undefined : 'the basic username or password is not valid';
  }
  return `unsupported Authorization scheme "${scheme}": use Bearer or Basic`;
}
