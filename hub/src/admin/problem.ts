// RFC 9457 problem details: every error the HTTP APIs return says what, where and how to fix it.
import type { FastifyReply } from 'fastify';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

export function problem(status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `https://interline.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, title, status, detail, ...extra };
}

export function sendProblem(reply: FastifyReply, value: Problem): FastifyReply {
  return reply.code(value.status).type('application/problem+json').send(value);
}
