// A message's whole story for `dlq show` and `messages show`: who sent it, where it went, every
// attempt with its error, edits, audit entries, and the payload itself.
import type { DeliveryStatus, MessageDetail } from '../api/types';
import { oneLine } from '../errors';
import { relativeTime } from '../options/time';
import type { Style } from '../output/style';
import { formatAttemptError } from './attempt-error';

export interface RenderContext {
  style: Style;
  now: number;
}

function statusColor(status: string, style: Style): (text: string) => string {
  const s = status as DeliveryStatus;
  if (s === 'dead') return style.red;
  if (s === 'delivered' || s === 'replayed') return style.green;
  if (s === 'retrying' || s === 'pending') return style.yellow;
  return style.dim;
}

function when(iso: string, now: number): string {
  return `${iso} (${relativeTime(iso, now)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

export function renderMessageDetail(detail: MessageDetail, { style, now }: RenderContext): string {
  const { message } = detail;
  const lines: string[] = [];
  lines.push(style.bold(`Message ${message.id}`));
  const facts: Array<[string, string | null]> = [
    ['type', message.type],
    ['source', message.source],
    ['subject', message.subject],
    ['tenant', message.tenant],
    ['correlation', message.correlationId],
    ['causation', message.causationId],
    ['partition key', message.partitionKey],
    ['received', when(message.receivedAt, now)],
    ['updated', when(message.updatedAt, now)],
  ];
  for (const [label, value] of facts) if (value !== null && value !== '') lines.push(`  ${label.padEnd(13)} ${value}`);

  lines.push('', style.bold(`Deliveries (${detail.deliveries.length})`));
  if (detail.deliveries.length === 0) lines.push('  none (the message was not routed)');
  for (const d of detail.deliveries) {
    const parts = [d.routeId, statusColor(d.status, style)(d.status), plural(d.attempts, 'attempt')];
    if (d.connector) parts.push(`via ${d.connector}`);
    if (d.nextAttemptAt) parts.push(`next attempt ${relativeTime(d.nextAttemptAt, now)}`);
    parts.push(`updated ${relativeTime(d.updatedAt, now)}`);
    lines.push(`  ${parts.join('  ')}`);
    if (d.lastError) lines.push(`    last error: ${formatAttemptError(d.lastError)}`);
  }

  lines.push('', style.bold(`History (${detail.transitions.length})`));
  for (const t of detail.transitions) {
    const parts = [style.dim(t.at), t.routeId ?? '-', statusColor(t.state, style)(t.state)];
    if (t.attempt !== null) parts.push(`attempt ${t.attempt}`);
    if (t.error) parts.push(style.red(formatAttemptError(t.error)));
    else if (t.detail && Object.keys(t.detail).length > 0) parts.push(style.dim(compactJson(t.detail)));
    lines.push(`  ${parts.join('  ')}`);
  }

  if (detail.revisions.length > 0) {
    lines.push('', style.bold(`Revisions (${detail.revisions.length})`));
    for (const r of detail.revisions) {
      const reason = r.reason ? `  "${oneLine(r.reason)}"` : '';
      lines.push(`  #${r.revision}  ${style.dim(r.at)}  by ${r.actor}${reason}`);
      if (r.patch !== null && r.patch !== undefined) lines.push(`    patch: ${compactJson(r.patch)}`);
    }
  }

  lines.push('', style.bold(`Audit (${detail.audit.length})`));
  if (detail.audit.length === 0) lines.push('  none');
  for (const a of detail.audit) {
    const parts = [style.dim(a.at), a.actor, a.action];
    if (a.routeId) parts.push(`route ${a.routeId}`);
    if (a.reason) parts.push(`"${oneLine(a.reason)}"`);
    if (a.detail && Object.keys(a.detail).length > 0) parts.push(style.dim(compactJson(a.detail)));
    lines.push(`  ${parts.join('  ')}`);
  }

  lines.push('');
  if (message.envelope !== null) {
    lines.push(style.bold('Payload (envelope)'), JSON.stringify(message.envelope, null, 2));
  } else if (message.raw !== null) {
    const raw = prettyIfJson(message.raw);
    lines.push(style.bold(raw.json ? 'Payload (raw input)' : 'Payload (raw input, not valid JSON)'), raw.text);
  } else {
    lines.push(style.bold('Payload'), '  none recorded');
  }
  return `${lines.join('\n')}\n`;
}

function prettyIfJson(raw: string): { json: boolean; text: string } {
  try {
    return { json: true, text: JSON.stringify(JSON.parse(raw), null, 2) };
  } catch {
    return { json: false, text: raw };
  }
}
