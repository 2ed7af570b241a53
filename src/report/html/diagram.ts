/**
 * A flow's diagram as SVG: each kind of node drawn in its own shape, shaded by how many steps it
 * is from the start, the way to a human highlighted, and each finding pinned on its node.
 */
import type { Finding, FlowReport } from '../../analysis/check.js';
import { escapeText } from './escape.js';
import { type Diagram, layoutFlow, type PlacedMove, type PlacedNode } from './layout.js';

/** Room kept free on the right for the zoom buttons, so that they cover no node. */
const CONTROLS_WIDTH = 64;

/** Shading from the start (steps 0) to the farthest node: light to deep blue. */
function shade(steps: number | undefined, farthest: number): string {
  if (steps === undefined) return '#e5e7eb';
  const depth = farthest === 0 ? 0 : steps / farthest;
  return `hsl(212, 80%, ${Math.round(94 - depth * 42)}%)`;
}

function outline(node: PlacedNode): string {
  const { x, y, width: w, height: h } = node;
  const left = x - w / 2;
  const top = y - h / 2;
  switch (node.type) {
    case 'branch':
      return `<polygon points="${x},${top} ${left + w},${y} ${x},${top + h} ${left},${y}"/>`;
    case 'agent':
      return `<ellipse cx="${x}" cy="${y}" rx="${w / 2}" ry="${h / 2}"/>`;
    case 'hangup':
    case 'disconnected': {
      const cut = 10;
      return `<polygon points="${left + cut},${top} ${left + w - cut},${top} ${left + w},${top + cut} ${left + w},${top + h - cut} ${left + w - cut},${top + h} ${left + cut},${top + h} ${left},${top + h - cut} ${left},${top + cut}"/>`;
    }
    case 'transfer':
      return `<polygon points="${left + 10},${top} ${left + w},${top} ${left + w - 10},${top + h} ${left},${top + h}"/>`;
    case 'say':
      return `<rect x="${left}" y="${top}" width="${w}" height="${h}" rx="${h / 2}"/>`;
    default:
      return `<rect x="${left}" y="${top}" width="${w}" height="${h}" rx="6"/>`;
  }
}

function stepsText(steps: number | undefined): string {
  if (steps === undefined) return 'unreachable';
  return `${steps} step${steps === 1 ? '' : 's'}`;
}

function drawNode(node: PlacedNode, findings: readonly Finding[], farthest: number): string {
  const classes = ['node', `node-${node.type}`, node.onWayToHuman ? 'on-way' : ''].join(' ');
  const tooltip = [
    `${node.id} (${node.type}, ${stepsText(node.steps)} from the start)`,
    ...(node.prompt ? [`“${node.prompt}”`] : []),
    ...findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`),
  ].join('\n');
  const pins = findings.length
    ? (() => {
        const worst = findings.some((finding) => finding.severity === 'error')
          ? 'error'
          : 'warning';
        const x = node.x + node.width / 2 - 4;
        const y = node.y - node.height / 2 + 2;
        return `<g class="pin pin-${worst}"><circle cx="${x}" cy="${y}" r="9"/><text x="${x}" y="${y + 4}">${findings.length}</text></g>`;
      })()
    : '';
  const start = node.isStart ? ` data-start="${node.x} ${node.y}"` : '';
  return `<g class="${classes.trim()}" data-node="${escapeText(node.id)}" data-type="${node.type}"${start}${node.steps !== undefined ? ` data-steps="${node.steps}"` : ''} style="fill:${shade(node.steps, farthest)}"><title>${escapeText(tooltip)}</title>${outline(node)}<text class="id" x="${node.x}" y="${node.y - 3}">${escapeText(node.id)}</text><text class="kind" x="${node.x}" y="${node.y + 12}">${node.type} · ${stepsText(node.steps)}</text>${pins}</g>`;
}

function drawMove(move: PlacedMove, arrow: string): string {
  const points = move.points
    .map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`)
    .join(' ');
  const classes = ['move', `move-${move.kind}`, move.onWayToHuman ? 'on-way' : ''].join(' ');
  const label = move.labelAt
    ? `<text class="move-label" x="${move.labelAt.x}" y="${move.labelAt.y + 4}">${escapeText(move.label)}</text>`
    : '';
  return `<g class="${classes.trim()}" data-from="${escapeText(move.from)}" data-to="${escapeText(move.to)}"><polyline points="${points}" marker-end="url(#${arrow}${move.onWayToHuman ? '-way' : ''})"/>${label}</g>`;
}

/** The flow's diagram, laid out, as an `<svg>` element. */
export function diagramSvg(
  flow: FlowReport,
  index: number,
  diagram: Diagram = layoutFlow(flow),
): string {
  const arrow = `arrow-${index}`;
  const findingsAt = new Map<string, Finding[]>();
  for (const finding of flow.findings) {
    findingsAt.set(finding.node, [...(findingsAt.get(finding.node) ?? []), finding]);
  }
  const farthest = Math.max(0, ...diagram.nodes.map((node) => node.steps ?? 0));
  // The way to a human is drawn last, over the other moves.
  const moves = [...diagram.moves].sort((a, b) => Number(a.onWayToHuman) - Number(b.onWayToHuman));
  return [
    `<svg class="diagram" data-flow="${escapeText(flow.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${diagram.width + CONTROLS_WIDTH} ${diagram.height}" width="100%" height="${Math.min(640, Math.max(240, diagram.height))}" role="img" aria-label="Diagram of ${escapeText(flow.id)}">`,
    `<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#64748b"/></marker><marker id="${arrow}-way" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#16a34a"/></marker></defs>`,
    '<g class="viewport">',
    ...moves.map((move) => drawMove(move, arrow)),
    ...diagram.nodes.map((node) => drawNode(node, findingsAt.get(node.id) ?? [], farthest)),
    '</g></svg>',
  ].join('\n');
}
