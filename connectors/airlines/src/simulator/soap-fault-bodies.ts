// SOAP faults as the simulated service sends them, in the shape of the request's SOAP version:
// 1.1 faultcode/faultstring/detail, 1.2 Code/Subcode/Reason/Detail; WS-Security failures carry the
// wsse fault codes. Both the `soap` server objects and hand-built envelopes come from here.
import type { SoapVersion } from '../wsdl-path';

export const ENVELOPE_NS: Record<SoapVersion, string> = { '1.1': 'http://schemas.xmlsoap.org/soap/envelope/', '1.2': 'http://www.w3.org/2003/05/soap-envelope' };
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

export interface FaultSpec {
  /** Who is at fault: the sender (Client/Sender) or the service (Server/Receiver). */
  side: 'client' | 'server';
  /** A WS-Security fault code (FailedAuthentication, MessageExpired…) instead of the SOAP one. */
  security?: string;
  reason: string;
  airline?: { Code: string; Message: string; Flight?: string; ShortfallKg?: number; ShortfallM3?: number; RetryAfterSeconds?: number };
  statusCode?: number;
}

/** The object `soap`'s server turns into a Fault element (thrown as `{ Fault }`). */
export function soapLibFault(version: SoapVersion, spec: FaultSpec): Record<string, unknown> {
  const detail = spec.airline ? { AirlineFault: spec.airline } : undefined;
  if (version === '1.1') {
    const fault: Record<string, unknown> = { faultcode: spec.security ? `wsse:${spec.security}` : spec.side === 'client' ? 'soap:Client' : 'soap:Server', faultstring: spec.reason };
    if (detail) fault.detail = detail;
    return { ...fault, statusCode: spec.statusCode ?? 500 };
  }
  const code: Record<string, unknown> = { Value: spec.side === 'client' ? 'soap:Sender' : 'soap:Receiver' };
  if (spec.security) code.Subcode = { Value: `wsse:${spec.security}` };
  const fault: Record<string, unknown> = { Code: code, Reason: { Text: spec.reason } };
  if (detail) fault.Detail = detail;
  return { ...fault, statusCode: spec.statusCode ?? 500 };
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function airlineXml(spec: FaultSpec): string {
  if (!spec.airline) return '';
  const parts = Object.entries(spec.airline)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<a:${key}>${escape(String(value))}</a:${key}>`)
    .join('');
  return `<a:AirlineFault xmlns:a="urn:interline:cargo-airline:v1">${parts}</a:AirlineFault>`;
}

/** A complete fault envelope, for faults answered before (or instead of) the `soap` server. */
export function faultEnvelope(version: SoapVersion, spec: FaultSpec): string {
  const head = `<?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="${ENVELOPE_NS[version]}" xmlns:wsse="${WSSE_NS}"><env:Body><env:Fault>`;
  const tail = '</env:Fault></env:Body></env:Envelope>';
  if (version === '1.1') {
    const code = spec.security ? `wsse:${spec.security}` : spec.side === 'client' ? 'env:Client' : 'env:Server';
    return `${head}<faultcode>${code}</faultcode><faultstring>${escape(spec.reason)}</faultstring>${spec.airline ? `<detail>${airlineXml(spec)}</detail>` : ''}${tail}`;
  }
  const value = spec.side === 'client' ? 'env:Sender' : 'env:Receiver';
  const subcode = spec.security ? `<env:Subcode><env:Value>wsse:${spec.security}</env:Value></env:Subcode>` : '';
  return `${head}<env:Code><env:Value>${value}</env:Value>${subcode}</env:Code><env:Reason><env:Text xml:lang="en">${escape(spec.reason)}</env:Text></env:Reason>${spec.airline ? `<env:Detail>${airlineXml(spec)}</env:Detail>` : ''}${tail}`;
}

export function contentType(version: SoapVersion): string {
  return version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
}
