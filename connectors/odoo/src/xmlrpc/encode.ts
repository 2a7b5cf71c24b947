// XML-RPC encoder: methodCall, methodResponse and fault documents. Integers that fit 32 bits are
// <int>, larger safe integers <i8>, fractions <double>; null, undefined in arrays, NaN and Date are
// refused with an error naming the path, because each has silently corrupted Odoo data elsewhere.
import { XmlRpcDateTime, isStruct } from './values';
import type { XmlRpcValue } from './values';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const MAX_DEPTH = 64;

/** Thrown for a JavaScript value XML-RPC (as Odoo speaks it) cannot carry. */
export class XmlRpcEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlRpcEncodeError';
  }
}

/** `labels` name the params in errors (["db", "uid", …]); params[i] otherwise. */
export function encodeMethodCall(methodName: string, params: readonly unknown[], labels: readonly string[] = []): string {
  if (!/^[A-Za-z0-9_.:/]+$/.test(methodName)) throw new XmlRpcEncodeError(`method name "${methodName}" has characters XML-RPC does not allow`);
  const encoded = params.map((param, index) => `<param>${encodeValue(param, labels[index] ?? `params[${index}]`, 0)}</param>`).join('');
  return `<?xml version="1.0"?>\n<methodCall><methodName>${methodName}</methodName><params>${encoded}</params></methodCall>\n`;
}

export function encodeMethodResponse(value: unknown): string {
  return `<?xml version="1.0"?>\n<methodResponse><params><param>${encodeValue(value, 'result', 0)}</param></params></methodResponse>\n`;
}

export function encodeFault(faultCode: number, faultString: string): string {
  const struct = encodeValue({ faultCode, faultString }, 'fault', 0);
  return `<?xml version="1.0"?>\n<methodResponse><fault>${struct}</fault></methodResponse>\n`;
}

/** One <value> element. `path` names the value in errors (params[6].context.tz). */
export function encodeValue(value: unknown, path: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new XmlRpcEncodeError(`${path} nests deeper than ${MAX_DEPTH} levels (a cycle?)`);
  if (value === null || value === undefined) {
    throw new XmlRpcEncodeError(`${path} is ${String(value)}: XML-RPC has no null (Odoo runs with allow_none off); send false for an empty value`);
  }
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number') return `<value>${encodeNumber(value, path)}</value>`;
  if (typeof value === 'bigint') {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XmlRpcEncodeError(`${path} (${value}) is outside the 64-bit range Odoo reads`);
    return `<value>${encodeNumber(Number(value), path)}</value>`;
  }
  if (typeof value === 'string') return `<value><string>${escapeText(value)}</string></value>`;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `<value><base64>${Buffer.from(value).toString('base64')}</base64></value>`;
  if (value instanceof XmlRpcDateTime) return `<value><dateTime.iso8601>${escapeText(value.value)}</dateTime.iso8601></value>`;
  if (value instanceof Date) {
    throw new XmlRpcEncodeError(`${path} is a Date: send Odoo's UTC string "YYYY-MM-DD HH:MM:SS" instead (a Date would be read in some process's local time)`);
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, index) => encodeValue(item, `${path}[${index}]`, depth + 1)).join('');
    return `<value><array><data>${items}</data></array></value>`;
  }
  if (isStruct(value)) {
    const members: string[] = [];
    for (const [name, member] of Object.entries(value as Record<string, XmlRpcValue | undefined>)) {
      // Like JSON: an undefined member is absent, which is what the caller meant.
      if (member === undefined) continue;
      members.push(`<member><name>${escapeText(name)}</name>${encodeValue(member, `${path}.${name}`, depth + 1)}</member>`);
    }
    return `<value><struct>${members.join('')}</struct></value>`;
  }
  throw new XmlRpcEncodeError(`${path} is a ${typeof value}, which XML-RPC cannot carry`);
}

function encodeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new XmlRpcEncodeError(`${path} is ${value}: XML-RPC numbers must be finite`);
  if (Number.isInteger(value) && !Object.is(value, -0)) {
    if (value >= INT32_MIN && value <= INT32_MAX) return `<int>${value}</int>`;
    if (!Number.isSafeInteger(value)) throw new XmlRpcEncodeError(`${path} (${value}) is not a safe integer; it would lose precision`);
    // Python's xmlrpc (Odoo's server) reads <i8>; plain <int> would overflow its 32-bit check.
    return `<i8>${value}</i8>`;
  }
  return `<double>${String(value)}</double>`;
}

/** Escape markup and drop characters XML 1.0 cannot carry (Odoo's marshaller drops them too); keep \r. */
export function escapeText(text: string): string {
  return dropIllegalCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** XML 1.0 has no way to carry C0 controls other than tab, LF and CR, nor U+FFFE / U+FFFF. */
function dropIllegalCharacters(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length; i += 1) if (!legal(text.charCodeAt(i))) clean = false;
  if (clean) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) if (legal(text.charCodeAt(i))) out += text[i];
  return out;
}

function legal(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}
