// XML-RPC decoder on the hardened XML reader: methodCall (for the simulator) and methodResponse
// (values or faults, for the client). Every shape error names the element path it found.
import { parseXml, XmlSyntaxError } from './xml-reader';
import type { XmlElement } from './xml-reader';
import { XmlRpcDateTime, XmlRpcFormatError } from './values';
import type { XmlRpcResponse, XmlRpcStruct, XmlRpcValue } from './values';

/** Bodies larger than this are refused before parsing (10 MiB: Odoo answers are rarely above 1 MiB). */
export const MAX_XMLRPC_BYTES = 10 * 1024 * 1024;

export interface MethodCall {
  methodName: string;
  params: XmlRpcValue[];
}

export function decodeMethodCall(xml: string, maxBytes = MAX_XMLRPC_BYTES): MethodCall {
  const root = parse(xml, maxBytes);
  if (root.name !== 'methodCall') throw new XmlRpcFormatError(`expected <methodCall>, got <${root.name}>`);
  const nameElement = child(root, 'methodName', 'methodCall');
  const methodName = nameElement.text.trim();
  if (methodName === '') throw new XmlRpcFormatError('<methodName> is empty');
  const params = root.children.find((c) => c.name === 'params');
  return { methodName, params: params ? decodeParams(params, 'methodCall') : [] };
}

export function decodeMethodResponse(xml: string, maxBytes = MAX_XMLRPC_BYTES): XmlRpcResponse {
  const root = parse(xml, maxBytes);
  if (root.name !== 'methodResponse') throw new XmlRpcFormatError(`expected <methodResponse>, got <${root.name}>`);
  const fault = root.children.find((c) => c.name === 'fault');
  if (fault) {
    const value = decodeValue(child(fault, 'value', 'methodResponse/fault'), 'fault');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new XmlRpcFormatError('<fault> does not hold a struct');
    const { faultCode, faultString } = value as XmlRpcStruct;
    // Legacy /xmlrpc (not /2) sends string codes; keep them readable rather than failing on them.
    const code = typeof faultCode === 'number' ? faultCode : Number.NaN;
    return { kind: 'fault', faultCode: code, faultString: typeof faultString === 'string' ? faultString : String(faultCode ?? '') };
  }
  const params = decodeParams(child(root, 'params', 'methodResponse'), 'methodResponse');
  if (params.length !== 1) throw new XmlRpcFormatError(`a methodResponse carries exactly one param, this one has ${params.length}`);
  return { kind: 'value', value: params[0] as XmlRpcValue };
}

function parse(xml: string, maxBytes: number): XmlElement {
  if (Buffer.byteLength(xml, 'utf8') > maxBytes) throw new XmlRpcFormatError(`XML-RPC body is larger than ${maxBytes} bytes`);
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XmlRpcFormatError(`not well-formed XML: ${error.message}`);
    throw error;
  }
}

function decodeParams(params: XmlElement, where: string): XmlRpcValue[] {
  return params.children
    .filter((c) => c.name === 'param')
    .map((param, index) => decodeValue(child(param, 'value', `${where}/params/param[${index}]`), `params[${index}]`));
}

/** One <value>: a typed child, or bare text, which XML-RPC defines as a string. */
export function decodeValue(value: XmlElement, path: string): XmlRpcValue {
  if (value.name !== 'value') throw new XmlRpcFormatError(`${path}: expected <value>, got <${value.name}>`);
  if (value.children.length === 0) return value.text;
  if (value.children.length > 1) throw new XmlRpcFormatError(`${path}: <value> holds ${value.children.length} elements, expected one`);
  const typed = value.children[0] as XmlElement;
  const text = typed.text;
  switch (typed.name) {
    case 'int':
    case 'i4':
    case 'i8':
      return decodeInteger(text.trim(), path);
    case 'boolean':
      if (text.trim() === '1') return true;
      if (text.trim() === '0') return false;
      throw new XmlRpcFormatError(`${path}: <boolean> must be 0 or 1, got "${text.trim()}"`);
    case 'string':
      return text;
    case 'double': {
      const trimmed = text.trim();
      const number = Number(trimmed);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) || !Number.isFinite(number)) throw new XmlRpcFormatError(`${path}: <double> "${trimmed}" is not a number`);
      return number;
    }
    case 'dateTime.iso8601':
      return new XmlRpcDateTime(text.trim());
    case 'base64': {
      const compact = text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new XmlRpcFormatError(`${path}: <base64> holds characters outside the base64 alphabet`);
      return Buffer.from(compact, 'base64');
    }
    case 'nil':
      return null;
    case 'array':
      return decodeArray(typed, path);
    case 'struct':
      return decodeStruct(typed, path);
    default:
      throw new XmlRpcFormatError(`${path}: <${typed.name}> is not an XML-RPC type`);
  }
}

function decodeInteger(text: string, path: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new XmlRpcFormatError(`${path}: integer "${text}" is not a whole number`);
  const number = Number(text);
  if (!Number.isSafeInteger(number)) throw new XmlRpcFormatError(`${path}: integer ${text} does not fit a JavaScript number exactly`);
  return number;
}

function decodeArray(array: XmlElement, path: string): XmlRpcValue[] {
  const data = child(array, 'data', path);
  return data.children.map((item, index) => decodeValue(item, `${path}[${index}]`));
}

function decodeStruct(struct: XmlElement, path: string): XmlRpcStruct {
  // A null-prototype object: a member named __proto__ stays a plain member.
  const result = Object.create(null) as XmlRpcStruct;
  for (const member of struct.children) {
    if (member.name !== 'member') throw new XmlRpcFormatError(`${path}: <struct> holds <${member.name}>, expected <member>`);
    const name = child(member, 'name', `${path}/member`).text;
    result[name] = decodeValue(child(member, 'value', `${path}.${name}`), `${path}.${name}`);
  }
  return result;
}

function child(element: XmlElement, name: string, where: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new XmlRpcFormatError(`${where}: <${name}> is missing`);
  return found;
}
