// Reading a partner's HTTP response body with a size cap: a misbehaving partner must not be able to
// exhaust the hub's memory. Shared by every HTTP-based connector.
import { PermanentError } from '../errors';

/** Read the body as text, refusing (permanently) anything larger than `maxBytes`. */
export async function readCappedBody(response: Response, what: string, maxBytes: number, hint = ''): Promise<string> {
  if (response.body === null) return '';
  const suffix = hint ? ` (${hint})` : '';
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw new PermanentError(`${what} answered with ${declared} bytes; the connector reads at most ${maxBytes}${suffix}`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PermanentError(`${what} answered with more than ${maxBytes} bytes; the connector reads at most that much${suffix}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
