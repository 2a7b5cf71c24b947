// The HTTP transport under the `soap` client: the stock one, plus a DOCTYPE refusal on the raw
// response text (before any XML parser runs), a response size cap, no redirects, and a hook that
// sees each raw exchange for the audit ring.
import { HttpClient } from 'soap';
import type { IExOptions, IHeaders } from 'soap';
import { PermanentError } from '@interline/hub';
import { doctypeProblem } from './xml-guard';

export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface RawExchange {
  exchangeId: string | undefined;
  url: string;
  request: string;
  status?: number;
  response?: string;
  error?: unknown;
}

export class DoctypeRefusedError extends PermanentError {}

export class GuardedHttpClient extends HttpClient {
  constructor(private readonly onExchange: (exchange: RawExchange) => void) {
    super();
  }

  override buildRequest(rurl: string, data: unknown, exheaders?: IHeaders, exoptions?: IExOptions): Record<string, unknown> {
    const options = super.buildRequest(rurl, data, exheaders, exoptions) as Record<string, unknown>;
    options.transformResponse = (raw: unknown): unknown => {
      const body = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
      const problem = typeof body === 'string' ? doctypeProblem(body) : undefined;
      if (problem !== undefined) throw new DoctypeRefusedError(`the airline's answer from ${rurl} was refused: ${problem}; report it to the airline (possible XML entity attack)`, { responseExcerpt: (body as string).slice(0, 200) });
      return body;
    };
    options.maxContentLength = MAX_RESPONSE_BYTES;
    options.maxRedirects = 0;
    return options;
  }

  override request(rurl: string, data: unknown, callback: (error: unknown, res?: unknown, body?: unknown) => unknown, exheaders?: IHeaders, exoptions?: IExOptions): ReturnType<HttpClient['request']> {
    const exchangeId = (exoptions as { exchangeId?: string } | undefined)?.exchangeId;
    return super.request(
      rurl,
      data,
      (error, res, body) => {
        const response = (res ?? (error as { response?: unknown } | undefined)?.response) as { status?: number; data?: unknown } | undefined;
        const text = typeof body === 'string' ? body : typeof response?.data === 'string' ? response.data : undefined;
        const exchange: RawExchange = { exchangeId, url: rurl, request: typeof data === 'string' ? data : '' };
        if (response?.status !== undefined) exchange.status = response.status;
        if (text !== undefined) exchange.response = text;
        if (error) exchange.error = error;
        this.onExchange(exchange);
        return callback(error, res, body);
      },
      exheaders,
      exoptions,
    );
  }
}
