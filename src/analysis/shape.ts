/**
 * A flow's nodes and moves as diagrams draw them, each node with its fewest steps from the
 * start. Diagram reporters call `flowShape` on a report: made once per flow, when first drawn.
 */
import { inputForEvent } from '../call/events.js';
import type { FlowReport } from './check.js';
import type { FlowFacts } from './facts.js';
import type { Edge, EdgeKind } from './graph.js';
import { distanceTo } from './live.js';
import { oncePer } from './once.js';

/** The flow's nodes and moves, for diagrams. */
export interface FlowShape {
  /** The node a call starts at. */
  readonly start: string;
  readonly nodes: readonly {
    readonly id: string;
    readonly type: string;
    /** Fewest caller steps from the start, under any condition values; absent when unreachable. */
    readonly steps?: number;
    readonly prompt?: string;
  }[];
  readonly moves: readonly {
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly label: string;
  }[];
}

/** The shape of a checked flow, for its diagrams. */
export function flowShape(report: Pick<FlowReport, 'facts'>): FlowShape {
  return shapeOf(report.facts);
}

const shapeOf = oncePer(shapeFrom);

function moveLabel(edge: Edge): string {
  if (edge.when) return `${edge.when.condition}=${edge.when.value}`;
  if (edge.otherwise) return `${edge.otherwise.condition}: other`;
  if (edge.kind === 'noMatch' || edge.kind === 'noInput') return `${edge.steps}× ${edge.kind}`;
  if (edge.event?.type === 'enter') return 'value';
  return edge.event ? inputForEvent(edge.event) : '';
}

function shapeFrom(facts: FlowFacts): FlowShape {
  const { graph } = facts;
  const steps = graph.ids.map((_, vertex) => distanceTo(facts.live, facts.steps, vertex));
  const reached = (vertex: number) =>
    Number.isFinite(steps[vertex]) ? { steps: steps[vertex] as number } : {};
  const used = new Set<number>();
  const moves = graph.out.flatMap((edges) =>
    edges.map((edge) => {
      used.add(edge.from).add(edge.to);
      return {
        from: graph.ids[edge.from] as string,
        to: graph.ids[edge.to] as string,
        kind: edge.kind,
        label: moveLabel(edge),
      };
    }),
  );
  const nodes = graph.ids.flatMap((id, vertex) => {
    const node = graph.nodes[vertex];
    if (node) {
      const prompt = 'prompt' in node && node.prompt !== undefined ? { prompt: node.prompt } : {};
      return [{ id, type: node.type, ...reached(vertex), ...prompt }];
    }
    return used.has(vertex) ? [{ id, type: 'disconnected', ...reached(vertex) }] : [];
  });
  return { start: graph.ids[graph.start] as string, nodes, moves };
}
