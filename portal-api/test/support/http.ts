// A small HTTP client for tests: JSON in and out, every response kept for OpenAPI validation.
import { checkAgainstOpenApi } from './openapi-validator';
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
  text: string;
  method: string;
  path: string;
  baseUrl: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (Buffer or string) instead of JSON. */
  raw?: Buffer | string;
  headers?: Record<string, string>;
}

/** Every response seen by `call`, for the check that all of them match the OpenAPI document. */
export const seenResponses: ApiResponse[] = [];

export async function call<T = unknown>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/.test(contentType) && text) parsed = JSON.parse(text);
  const result: ApiResponse<T> = { status: response.status, headers: response.headers, contentType, body: parsed as T, text, method, path, baseUrl };
  seenResponses.push(result as ApiResponse);
  return result;
}

/** A client bound to one base URL. */
export function client(baseUrl: string) {
  return {
    get: <T = unknown>(path: string, options?: RequestOptions) => call<T>(baseUrl, 'GET', path, options),
    post: <T = unknown>(path: string, options?: RequestOptions) => call<T>(baseUrl, 'POST', path, options),
    patch: <T = unknown>(path: string, options?: RequestOptions) => call<T>(baseUrl, 'PATCH', path, options),
    call: <T = unknown>(method: string, path: string, options?: RequestOptions) => call<T>(baseUrl, method, path, options),
  };
}

/**
 * Check every response this test file received from a portal against that portal's /openapi.json
 * (registered with afterAll, so each test file validates all of its responses).
 */
export function validateResponsesAfterAll(baseUrl: () => string): void {
  afterAll(async () => {
    const problems = await checkAgainstOpenApi(baseUrl(), seenResponses.splice(0));
    expect(problems).toEqual([]);
  });
}
