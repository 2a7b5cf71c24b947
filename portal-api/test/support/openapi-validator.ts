// Checks responses against the portal's own /openapi.json: finds the operation by method and path
// template, the response by status, and validates the body with Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1) against the documented schema, $refs resolved within the document.
import { createRequire } from 'node:module';
import addFormats from 'ajv-formats';
import type { ApiResponse } from './http';

interface AjvError {
  instancePath: string;
  message?: string;
}
interface Validate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface Ajv2020 {
  addSchema(schema: object, key: string): Ajv2020;
  addKeyword(definition: { keyword: string }): Ajv2020;
  compile(schema: object): Validate;
}

// The hub's Ajv 8 (JSON Schema 2020-12 lives in ajv/dist/2020); the root node_modules holds ESLint's Ajv 6.
const requireFromHub = createRequire(require.resolve('@interline/hub/package.json'));
const Ajv2020Ctor = (requireFromHub('ajv/dist/2020') as { default: new (options: object) => Ajv2020 }).default;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly operations: Array<{ method: string; pattern: RegExp; template: string }>;
  private readonly compiled = new Map<string, Validate>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv2020Ctor({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    // Annotations the canonical model carries; the checks behind them are the hub's business.
    for (const keyword of ['awbCheckDigit', 'iso4217', 'secret', 'x-roles']) this.ajv.addKeyword({ keyword });
    this.ajv.addSchema(document, 'openapi');
    this.operations = Object.entries(document.paths as Json).flatMap(([template, methods]) =>
      Object.keys(methods as Json).map((method) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      })),
    );
  }

  /** Problems with one response, empty when it matches the document. */
  check(response: ApiResponse): string[] {
    const path = response.path.split('?')[0] ?? '';
    const where = `${response.method} ${path} → ${response.status}`;
    const operation = this.operations.find((op) => op.method === response.method && op.pattern.test(path));
    if (!operation) {
      // An unknown path is answered by the not-found problem, which the document defines once.
      if (response.status === 404) return this.validate('#/components/schemas/Problem', response, where);
      return [`${where}: no operation in the document (undocumented endpoint)`];
    }
    const responses = (this.document.paths as Json)[operation.template][operation.method.toLowerCase()].responses as Json;
    const documented = responses[String(response.status)] as Json | undefined;
    if (!documented) return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`];
    const mediaType = response.contentType.split(';')[0]?.trim() ?? '';
    const content = documented.content as Json | undefined;
    if (!content) return response.text === '' ? [] : [`${where}: documented without a body, got ${mediaType}`];
    const entry = content[mediaType] ?? (mediaType.includes('json') ? undefined : Object.values(content)[0]);
    if (!entry) return [`${where}: media type ${mediaType} not documented (documented: ${Object.keys(content).join(', ')})`];
    if (!mediaType.includes('json')) return [];
    const pointer = `#/paths/${operation.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${operation.method.toLowerCase()}/responses/${response.status}/content/${mediaType.replace(/\//g, '~1')}/schema`;
    return this.validate(pointer, response, where);
  }

  private validate(pointer: string, response: ApiResponse, where: string): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(response.body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((error) => `${where}: ${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
}

/** Fetch a portal's document and check every response; returns the problems found. */
export async function checkAgainstOpenApi(baseUrl: string, responses: ApiResponse[]): Promise<string[]> {
  const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as Json;
  const validator = new OpenApiValidator(document);
  // The docs page and its assets are served but deliberately not part of the API's document.
  return responses.filter((response) => !response.path.startsWith('/docs')).flatMap((response) => validator.check(response));
}
