// The values XML-RPC carries, as JavaScript sees them: numbers, strings, booleans, arrays, structs,
// binary (Buffer) and dateTime (a wrapper, never a Date: a Date invites local-time mistakes).

/** An XML-RPC dateTime.iso8601 value kept as text; XML-RPC dates carry no zone, Odoo means UTC. */
export class XmlRpcDateTime {
  constructor(readonly value: string) {}

  /** 20250314T09:47:00 or 2025-03-14T09:47:00 → "2025-03-14 09:47:00" (Odoo's own datetime string). */
  toOdooString(): string {
    const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(this.value);
    if (!match) throw new Error(`dateTime.iso8601 "${this.value}" is not of the form YYYYMMDDTHH:MM:SS`);
    const [, y, mo, d, h, mi, s] = match;
    return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  }
}

export interface XmlRpcStruct {
  [member: string]: XmlRpcValue;
}

/** null appears only when decoding a peer's <nil/>; the encoder refuses it (Odoo runs with allow_none off). */
export type XmlRpcValue = number | string | boolean | null | XmlRpcValue[] | XmlRpcStruct | Buffer | XmlRpcDateTime;

/** A decoded <fault>: Odoo's integer codes are 1 (server error), 2 (user/validation), 3 (access denied), 4 (access error). */
export interface XmlRpcFault {
  faultCode: number;
  faultString: string;
}

export type XmlRpcResponse = { kind: 'value'; value: XmlRpcValue } | ({ kind: 'fault' } & XmlRpcFault);

/** Malformed XML-RPC: bad XML, a missing element, a value of the wrong shape. */
export class XmlRpcFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlRpcFormatError';
  }
}

export function isStruct(value: unknown): value is XmlRpcStruct {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof XmlRpcDateTime);
}
