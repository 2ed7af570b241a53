/** A Mermaid flowchart of a flow: node kinds drawn apart, the way to a human highlighted, findings marked. */

import type { FlowReport } from '../analysis/check.js';
import { flowShape } from '../analysis/shape.js';

/** Beyond this many nodes a diagram is no longer readable in a pull-request comment. */
export const MAX_DIAGRAM_NODES = 150;

const SHAPES: Readonly<Record<string, [string, string]>> = {
  say: ['(["', '"])'],
  menu: ['["', '"]'],
  input: ['[/"', '"/]'],
  branch: ['{"', '"}'],
  agent: ['(("', '"))'],
  transfer: ['>"', '"]'],
  hangup: ['[["', '"]]'],
  disconnected: ['(("', '"))'],
};

const escapeLabel = (text: string) =>
  text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** `changed`: nodes to mark as changed by a pull request (the diff's "after" diagram). */
export function mermaidOf(flow: FlowReport, changed: ReadonlySet<string> = new Set()): string {
  const name = new Map(flowShape(flow).nodes.map((node, i) => [node.id, `n${i}`]));
  const marked = new Map<string, string>();
  for (const finding of flow.findings) {
    const worst = marked.get(finding.node);
    if (worst !== 'error') marked.set(finding.node, finding.severity);
  }
  const lines = ['flowchart TD'];
  for (const node of flowShape(flow).nodes) {
    const [open, close] = SHAPES[node.type] ?? SHAPES.menu ?? ['["', '"]'];
    const rules = [...new Set(flow.findings.filter((f) => f.node === node.id).map((f) => f.rule))];
    const title = node.type === 'disconnected' ? 'disconnected' : node.id;
    const label = rules.length ? `${title}<br/>⚠ ${rules.join(', ')}` : title;
    lines.push(
      `  ${name.get(node.id)}${open}${escapeLabel(label).replace(/#lt;br\/#gt;/g, '<br/>')}${close}`,
    );
  }
  const onWay = new Set<string>();
  const path = flow.human.path ?? [];
  for (let i = 1; i < path.length; i++) onWay.add(`${path[i - 1]}→${path[i]}`);
  const highlighted: number[] = [];
  flowShape(flow).moves.forEach((move, i) => {
    const arrow = move.kind === 'noMatch' || move.kind === 'noInput' ? '-.->' : '-->';
    const label = move.label ? `|"${escapeLabel(move.label)}"|` : '';
    lines.push(`  ${name.get(move.from)} ${arrow}${label} ${name.get(move.to)}`);
    if (onWay.delete(`${move.from}→${move.to}`)) highlighted.push(i);
  });
  lines.push(
    '  classDef agent fill:#d7f5dd,stroke:#1a7f37',
    '  classDef error stroke:#cf222e,stroke-width:3px',
    '  classDef warning stroke:#bf8700,stroke-width:2px',
  );
  const agents = flowShape(flow)
    .nodes.filter((node) => node.type === 'agent')
    .map((node) => name.get(node.id));
  if (agents.length) lines.push(`  class ${agents.join(',')} agent`);
  for (const severity of ['error', 'warning']) {
    const nodes = [...marked]
      .filter(([, s]) => s === severity)
      .map(([id]) => name.get(id))
      .filter(Boolean);
    if (nodes.length) lines.push(`  class ${nodes.join(',')} ${severity}`);
  }
  const changedNames = [...changed].map((id) => name.get(id)).filter(Boolean);
  if (changedNames.length) {
    lines.push('  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-dasharray:4 2');
    lines.push(`  class ${changedNames.join(',')} changed`);
  }
  if (highlighted.length)
    lines.push(`  linkStyle ${highlighted.join(',')} stroke:#1a7f37,stroke-width:4px`);
  return lines.join('\n');
}
