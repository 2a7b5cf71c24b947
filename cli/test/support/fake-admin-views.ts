// The fake admin API's plumbing and derived views: problem+json and JSON answers, request bodies,
// and the dead-letter list and lineage derived from the in-memory messages the way the hub's
// journal queries derive them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeadLetter, LineageNode, MessageDetail, Problem } from '../../src/api/types';
import type { FakeState } from './fake-admin-api';

export function problem(status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `https://interline.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, title, status, detail, ...extra };
}

export function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8` });
  res.end(JSON.stringify(body));
}

export function sendProblem(res: ServerResponse, value: Problem, headers: Record<string, string> = {}): void {
  res.writeHead(value.status ?? 500, { 'content-type': 'application/problem+json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function deadLettersOf(detail: MessageDetail): DeadLetter[] {
  return detail.deliveries
    .filter((d) => d.status === 'dead')
    .map((d) => ({
      messageId: d.messageId,
      routeId: d.routeId,
      connector: d.connector,
      type: detail.message.type,
      tenant: detail.message.tenant,
      attempts: d.attempts,
      error: d.lastError,
      receivedAt: detail.message.receivedAt,
      deadAt: d.updatedAt,
    }));
}

export function lineage(state: FakeState, id: string): { correlationId: string; root: LineageNode[] } | undefined {
  const message = state.messages.get(id)?.message;
  if (!message) return undefined;
  const correlationId = message.correlationId ?? message.id;
  const nodes = new Map<string, LineageNode>();
  const members = [...state.messages.values()]
    .filter((d) => d.message.correlationId === correlationId || d.message.id === correlationId)
    .sort((a, b) => a.message.receivedAt.localeCompare(b.message.receivedAt) || a.message.id.localeCompare(b.message.id));
  for (const d of members) {
    nodes.set(d.message.id, {
      id: d.message.id,
      type: d.message.type,
      receivedAt: d.message.receivedAt,
      causationId: d.message.causationId,
      deliveries: [...d.deliveries].sort((a, b) => a.routeId.localeCompare(b.routeId)).map((x) => ({ routeId: x.routeId, status: x.status, attempts: x.attempts })),
      children: [],
    });
  }
  const root: LineageNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.causationId ? nodes.get(node.causationId) : undefined;
    if (parent) parent.children.push(node);
    else root.push(node);
  }
  return { correlationId, root };
}
