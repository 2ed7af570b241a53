/** Shortest paths over a flow's graph, for one set of condition values. */
import FlatQueue from 'flatqueue';
import { type Edge, edgeOpen, type FlowGraph } from './graph.js';

/** Distances from the start and the edge each vertex is best reached by. */
export interface PathTree {
  /** Infinity where the vertex cannot be reached. */
  readonly distance: Float64Array;
  readonly via: readonly (Edge | undefined)[];
}

export interface Costs {
  /** What taking an edge costs. */
  readonly edge: (edge: Edge) => number;
  /** What entering a vertex costs, the start included. */
  readonly vertex: (vertex: number) => number;
}

/**
 * Dijkstra from the start (or `from`) over the edges open for these conditions. Costs must not
 * be negative.
 */
export function shortestPaths(
  graph: FlowGraph,
  conditions: Readonly<Record<string, string>>,
  costs: Costs,
  from: number = graph.start,
): PathTree {
  const distance = new Float64Array(graph.ids.length).fill(Number.POSITIVE_INFINITY);
  const via: (Edge | undefined)[] = new Array(graph.ids.length).fill(undefined);
  const done = new Uint8Array(graph.ids.length);
  const queue = new FlatQueue<number>();
  distance[from] = costs.vertex(from);
  queue.push(from, distance[from] as number);
  while (queue.length > 0) {
    const vertex = queue.pop() as number;
    if (done[vertex]) continue;
    done[vertex] = 1;
    const base = distance[vertex] as number;
    for (const edge of graph.out[vertex] ?? []) {
      if (!edgeOpen(edge, conditions)) continue;
      const next = base + costs.edge(edge) + costs.vertex(edge.to);
      if (next < (distance[edge.to] as number)) {
        distance[edge.to] = next;
        via[edge.to] = edge;
        queue.push(edge.to, next);
      }
    }
  }
  return { distance, via };
}

/**
 * The fewest steps from every vertex to the nearest of `targets`, over the edges open for these
 * conditions (Dijkstra on the edges turned round): how far a caller is from their goal.
 */
export function stepsTo(
  graph: FlowGraph,
  conditions: Readonly<Record<string, string>>,
  targets: readonly number[],
): Float64Array {
  const into: Edge[][] = graph.ids.map(() => []);
  for (const edges of graph.out)
    for (const edge of edges) if (edgeOpen(edge, conditions)) into[edge.to]?.push(edge);
  const distance = new Float64Array(graph.ids.length).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(graph.ids.length);
  const queue = new FlatQueue<number>();
  for (const target of targets) {
    distance[target] = 0;
    queue.push(target, 0);
  }
  while (queue.length > 0) {
    const vertex = queue.pop() as number;
    if (done[vertex]) continue;
    done[vertex] = 1;
    for (const edge of into[vertex] ?? []) {
      const through = (distance[vertex] as number) + edge.steps;
      if (through < (distance[edge.from] as number)) {
        distance[edge.from] = through;
        queue.push(edge.from, through);
      }
    }
  }
  return distance;
}

/** The edges from the start to a vertex along a path tree (empty for the start itself). */
export function pathTo(tree: PathTree, vertex: number): Edge[] {
  const edges: Edge[] = [];
  for (let edge = tree.via[vertex]; edge; edge = tree.via[edge.from]) edges.push(edge);
  return edges.reverse();
}

export const STEP_COSTS: Costs = { edge: (edge) => edge.steps, vertex: () => 0 };

export function secondsCosts(graph: FlowGraph): Costs {
  return { edge: (edge) => edge.seconds, vertex: (vertex) => graph.enterSeconds[vertex] as number };
}

/** Counts the menus on a way, the one reached included. */
export function menuCosts(graph: FlowGraph): Costs {
  return { edge: () => 0, vertex: (vertex) => (graph.nodes[vertex]?.type === 'menu' ? 1 : 0) };
}
