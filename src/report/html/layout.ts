/**
 * Where each node of a flow's diagram goes, laid out by dagre (layered, top to bottom: the way
 * a call goes down the menus). Flows too large to draw whole are folded: the nodes nearest the
 * start are drawn, with the way to a human and every node with a finding.
 */

import dagre, { type Edge } from '@dagrejs/dagre';
import type { FlowReport } from '../../analysis/check.js';
import { flowShape } from '../../analysis/shape.js';

/** Nodes drawn at most; dagre's layout grows faster than linearly, and nobody reads more. */
export const MAX_DRAWN_NODES = 300;
const NODE_HEIGHT = 44;
const CHARACTER_WIDTH = 7.2;

export interface PlacedNode {
  readonly id: string;
  readonly type: string;
  readonly steps?: number;
  readonly prompt?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly onWayToHuman: boolean;
  readonly isStart: boolean;
}

export interface PlacedMove {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly labelAt?: { readonly x: number; readonly y: number };
  readonly onWayToHuman: boolean;
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly moves: readonly PlacedMove[];
  /** Nodes left out of a large flow's diagram. */
  readonly folded: number;
}

/** The nodes worth drawing when not all fit: the way to a human, findings, then the nearest. */
function drawnNodes(flow: FlowReport, most: number): Set<string> {
  const all = flowShape(flow).nodes;
  if (all.length <= most) return new Set(all.map((node) => node.id));
  const drawn = new Set<string>([flowShape(flow).start, ...(flow.human.path ?? [])]);
  for (const finding of flow.findings) if (drawn.size < most) drawn.add(finding.node);
  const nearest = [...all].sort(
    (a, b) => (a.steps ?? Number.POSITIVE_INFINITY) - (b.steps ?? Number.POSITIVE_INFINITY),
  );
  for (const node of nearest) {
    if (drawn.size >= most) break;
    drawn.add(node.id);
  }
  return drawn;
}

/**
 * The moves of the way to a human, by index: between two nodes of the way, the move the caller's
 * input names (several options may join the same two menus), else the first.
 */
function wayToHuman(flow: FlowReport): Set<number> {
  const path = flow.human.path ?? [];
  const inputs = new Set(flow.human.inputs ?? []);
  const way = new Set<number>();
  for (let i = 1; i < path.length; i++) {
    let chosen: number | undefined;
    flowShape(flow).moves.forEach((move, index) => {
      if (move.from !== path[i - 1] || move.to !== path[i]) return;
      if (
        chosen === undefined ||
        (inputs.has(move.label) && !inputs.has(flowShape(flow).moves[chosen]?.label ?? ''))
      ) {
        chosen = index;
      }
    });
    if (chosen !== undefined) way.add(chosen);
  }
  return way;
}

export function layoutFlow(flow: FlowReport, most = MAX_DRAWN_NODES): Diagram {
  const drawn = drawnNodes(flow, most);
  const route = wayToHuman(flow);
  const onRoute = new Set(flow.human.path ?? []);
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  // The right and bottom margins leave room for the zoom buttons.
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, marginx: 56, marginy: 36 });
  graph.setDefaultEdgeLabel(() => ({}));
  const shapes = new Map(flowShape(flow).nodes.map((node) => [node.id, node]));
  // A move back to its own node (a reprompt) is drawn by hand as a loop on the node's right:
  // dagre routes such moves through points that miss the node. Its room is kept in the layout.
  const loops = new Map<string, number[]>();
  flowShape(flow).moves.forEach((move, index) => {
    if (move.from === move.to && drawn.has(move.from))
      loops.set(move.from, [...(loops.get(move.from) ?? []), index]);
  });
  const widths = new Map<string, number>();
  for (const id of drawn) {
    const node = shapes.get(id);
    if (!node) continue;
    const longest = Math.max(id.length, node.type.length + 12);
    const width = Math.max(90, longest * CHARACTER_WIDTH + 24);
    widths.set(id, width);
    graph.setNode(id, { width: width + loopRoom(flow, loops.get(id)), height: NODE_HEIGHT });
  }
  flowShape(flow).moves.forEach((move, index) => {
    if (!graph.hasNode(move.from) || !graph.hasNode(move.to) || move.from === move.to) return;
    const label = shortLabel(move.label);
    graph.setEdge(
      move.from,
      move.to,
      { label, width: label.length * 6.2, height: label ? 14 : 0, labelpos: 'c' },
      String(index),
    );
  });
  dagre.layout(graph);

  const nodes: PlacedNode[] = graph.nodes().map((id: string) => {
    const placed = graph.node(id);
    const shape = shapes.get(id);
    const width = widths.get(id) ?? placed.width;
    return {
      id,
      type: shape?.type ?? 'say',
      ...(shape?.steps !== undefined ? { steps: shape.steps } : {}),
      ...(shape?.prompt !== undefined ? { prompt: shape.prompt } : {}),
      // Drawn at the left of its room, the loops to its right.
      x: placed.x - (placed.width - width) / 2,
      y: placed.y,
      width,
      height: placed.height,
      onWayToHuman: onRoute.has(id),
      isStart: id === flowShape(flow).start,
    };
  });
  const moves: PlacedMove[] = graph.edges().map((edge: Edge) => {
    const move = flowShape(flow).moves[Number(edge.name)];
    const placed = graph.edge(edge);
    return {
      from: edge.v,
      to: edge.w,
      kind: move?.kind ?? 'next',
      label: String(placed.label ?? ''),
      points: placed.points ?? [],
      ...(placed.label && placed.x !== undefined && placed.y !== undefined
        ? { labelAt: { x: placed.x, y: placed.y } }
        : {}),
      onWayToHuman: route.has(Number(edge.name)),
    };
  });
  const placedAt = new Map(nodes.map((node) => [node.id, node]));
  for (const [id, indexes] of loops) {
    const node = placedAt.get(id);
    if (!node) continue;
    indexes.forEach((index, k) => {
      const move = flowShape(flow).moves[index];
      if (!move) return;
      moves.push(loopMove(node, move, k, route.has(index)));
    });
  }
  const size = graph.graph();
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes,
    moves,
    folded: flowShape(flow).nodes.length - nodes.length,
  };
}

const shortLabel = (label: string) => (label.length > 24 ? `${label.slice(0, 23)}…` : label);
const LABEL_CHARACTER_WIDTH = 6.2;
/** How far each loop reaches out from its node's side, the first and each next one. */
const LOOP_REACH = 18;
const LOOP_STEP = 12;

/** The room on a node's right for its loops and their labels. */
function loopRoom(flow: FlowReport, indexes: readonly number[] | undefined): number {
  if (!indexes?.length) return 0;
  const widest = Math.max(
    ...indexes.map(
      (i) => shortLabel(flowShape(flow).moves[i]?.label ?? '').length * LABEL_CHARACTER_WIDTH,
    ),
  );
  return LOOP_REACH + LOOP_STEP * (indexes.length - 1) + 8 + widest;
}

/** The k-th loop from a node back to itself: out of its right side and back in, a little lower. */
function loopMove(
  node: PlacedNode,
  move: { readonly kind: string; readonly label: string },
  k: number,
  onWayToHuman: boolean,
): PlacedMove {
  const side = node.x + node.width / 2;
  const reach = side + LOOP_REACH + LOOP_STEP * k;
  const top = node.y - node.height / 4 - k * 3;
  const bottom = node.y + node.height / 4 + k * 3;
  const label = shortLabel(move.label);
  return {
    from: node.id,
    to: node.id,
    kind: move.kind,
    label,
    points: [
      { x: side, y: top },
      { x: reach, y: top },
      { x: reach, y: bottom },
      { x: side, y: bottom },
    ],
    ...(label
      ? {
          labelAt: {
            x: reach + 4 + (label.length * LABEL_CHARACTER_WIDTH) / 2,
            y: node.y - 10 + k * 14,
          },
        }
      : {}),
    onWayToHuman,
  };
}
