// Every error leaves the portal as application/problem+json: ours (ProblemException), Nest's (unknown
// route), Fastify's (body too large, malformed JSON, unsupported media type) and unexpected ones
// (500, logged with the request, never with internals in the answer).
import { Catch, HttpException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { problem } from '@interline/hub';
import type { Logger, Problem } from '@interline/hub';
import { FILE_MEDIA_TYPES } from './body-parsers';
import type { BodyLimits } from './body-parsers';
import { portalProblem, ProblemException } from './problem';
import type { PortalRequest } from './request-context';

interface ProblemReply {
  code(status: number): ProblemReply;
  header(name: string, value: string): ProblemReply;
  type(contentType: string): ProblemReply;
  send(payload: unknown): unknown;
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

function fromFastify(error: FastifyLikeError, request: PortalRequest, limits: BodyLimits): Problem | undefined {
  const status = error.statusCode;
  if (!status || status < 400 || status >= 500) return undefined;
  if (status === 413) {
    const mediaType = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const bodyLimitBytes = (FILE_MEDIA_TYPES as readonly string[]).includes(mediaType) ? limits.fileBytes : limits.jsonBytes;
    return portalProblem(413, 'Content Too Large', `request body is larger than the limit of ${bodyLimitBytes} bytes for ${request.method} ${request.url.split('?')[0]}`, {
      errors: [{ in: 'body', path: '/', message: `must be at most ${bodyLimitBytes} bytes`, rule: 'maxBytes' }],
    });
  }
  if (status === 415) {
    return portalProblem(415, 'Unsupported Media Type', `${error.message}; send JSON with Content-Type: application/json`, {
      errors: [{ in: 'header', path: 'content-type', message: 'is not a media type this endpoint accepts', rule: 'enum' }],
    });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError || /not valid JSON|Unexpected .*JSON|JSON/i.test(error.message)) {
    return portalProblem(400, 'Bad Request', `request body is not valid JSON: ${error.message}`, {
      errors: [{ in: 'body', path: '/', message: 'is not valid JSON', rule: 'json' }],
    });
  }
  return problem(status, status === 404 ? 'Not Found' : 'Bad Request', error.message);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly limits: BodyLimits,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<PortalRequest>();
    const reply = http.getResponse<ProblemReply>();
    let body: Problem;
    let headers: Record<string, string> = {};
    if (exception instanceof ProblemException) {
      body = exception.problem;
      headers = exception.headers;
    } else if (exception instanceof HttpException && exception.getStatus() === 404) {
      body = problem(404, 'Not Found', `no endpoint ${request.method} ${request.url.split('?')[0]}; see /openapi.json or /docs for the API`);
    } else if (exception instanceof HttpException) {
      // Nest wraps Fastify's own errors (body too large, malformed JSON) in an HttpException.
      const status = exception.getStatus();
      body = fromFastify({ statusCode: status, message: exception.message }, request, this.limits) ?? problem(status, exception.name.replace(/Exception$/, ''), exception.message);
    } else {
      const known = fromFastify(exception as FastifyLikeError, request, this.limits);
      if (known) {
        body = known;
      } else {
        this.logger.error({ err: exception, method: request.method, url: request.url }, 'portal request failed');
        body = problem(500, 'Internal Server Error', 'the portal failed to handle this request; the error is logged with the request');
      }
    }
    body.instance ??= request.url.split('?')[0];
    reply.code(body.status);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    reply.type('application/problem+json').send(body);
  }
}
