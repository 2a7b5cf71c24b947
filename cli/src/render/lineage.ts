// A message's lineage as an indented tree along causation links, with each route's status.
import type { LineageNode, MessageTrace } from '../api/types';
import type { Style } from '../output/style';

function deliveryText(d: LineageNode['deliveries'][number], style: Style): string {
  const paint = d.status === 'dead' ? style.red : d.status === 'delivered' ? style.green : d.status === 'discarded' ? style.dim : style.yellow;
  const attempts = d.attempts > 1 ? ` (${d.attempts} attempts)` : '';
  return `${d.routeId}: ${paint(d.status)}${attempts}`;
}

export function renderLineage(trace: MessageTrace, focusId: string, style: Style): string {
  const lines: string[] = [style.dim(`correlation ${trace.correlationId}`)];
  const visit = (node: LineageNode, prefix: string, branch: '' | 'mid' | 'last'): void => {
    const connector = branch === 'mid' ? '├─ ' : branch === 'last' ? '└─ ' : '';
    const focus = node.id === focusId ? style.bold('  ◀ this message') : '';
    lines.push(`${prefix}${connector}${style.bold(node.type ?? '(no type)')} ${node.id}${focus}`);
    const inner = prefix + (branch === 'mid' ? '│  ' : branch === 'last' ? '   ' : '');
    const rail = node.children.length > 0 ? '│ ' : '  ';
    if (node.deliveries.length === 0) lines.push(`${inner}${rail} ${style.dim('no routes')}`);
    for (const d of node.deliveries) lines.push(`${inner}${rail} ${deliveryText(d, style)}`);
    node.children.forEach((child, i) => visit(child, inner, i === node.children.length - 1 ? 'last' : 'mid'));
  };
  for (const root of trace.root) visit(root, '', '');
  return `${lines.join('\n')}\n`;
}
