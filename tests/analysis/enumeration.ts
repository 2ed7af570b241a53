/**
 * The analysis as it was before the live-conditions search: every combination of condition
 * values enumerated and searched. Kept as the oracle the property tests hold the search to, and
 * for the bench's comparison; it grows as the product of all values.
 */

import type * as Facts from '../../src/analysis/facts.js';
import { inputsOf, nodePathOf, pathSeconds } from '../../src/analysis/facts.js';
import { edgeOpen, type FlowGraph, graphOf } from '../../src/analysis/graph.js';
import { oncePer } from '../../src/analysis/once.js';
import {
  menuCosts,
  type PathTree,
  pathTo,
  STEP_COSTS,
  secondsCosts,
  shortestPaths,
} from '../../src/analysis/paths.js';
import { conditionCombinations } from '../../src/flow/conditions.js';
import type { AgentNode, Flow } from '../../src/flow/types.js';

/** The way to a human as the analysis gives it, without the values it reads: all were given. */
export type WayToHuman = Omit<Facts.WayToHuman, 'given'>;

export interface ConditionFacts {
  readonly conditions: Readonly<Record<string, string>>;
  /**
   * Which way each reachable branch goes. Combinations with the same routing reach the same
   * nodes the same ways, so they share one computation (and rules may share theirs).
   */
  readonly routing: string;
  readonly reachable: Uint8Array;
  readonly steps: PathTree;
  readonly seconds: PathTree;
  readonly menus: PathTree;
  /** The fewest-steps way to a human, and the shortest time to one; undefined when none is reachable. */
  readonly human?: WayToHuman;
  readonly humanSeconds?: number;
}

export interface EnumeratedFacts {
  readonly graph: FlowGraph;
  readonly byConditions: readonly ConditionFacts[];
  /**
   * One combination of each routing, the first: searches that depend only on where calls can
   * go need run for these alone.
   */
  readonly byRouting: readonly ConditionFacts[];
  /** The best case over all condition values. */
  readonly human?: WayToHuman;
  readonly humanSeconds?: number;
  /** Vertices reachable under some combination of conditions. */
  readonly reachable: Uint8Array;
  /** Each reachable menu's depth: the fewest menus, itself included, on a way to it. */
  readonly depth: ReadonlyMap<string, number>;
}

export const enumeratedFactsOf: (flow: Flow) => EnumeratedFacts = oncePer(computeFacts);

function computeFacts(flow: Flow): EnumeratedFacts {
  const graph = graphOf(flow);
  const agents = graph.nodes.flatMap((node, vertex) => (node?.type === 'agent' ? [vertex] : []));
  const seconds = secondsCosts(graph);
  const menus = menuCosts(graph);
  const reachable = new Uint8Array(graph.ids.length);
  const depth = new Map<string, number>();

  const byRouting = new Map<string, ConditionFacts>();
  const byConditions = conditionCombinations(flow).map((conditions): ConditionFacts => {
    const reachableHere = reachableFrom(graph, conditions);
    const routing = routingOf(graph, conditions, reachableHere);
    const same = byRouting.get(routing);
    if (same) return { ...same, conditions };
    const computed = computeFor(conditions, reachableHere, routing);
    byRouting.set(routing, computed);
    return computed;
  });

  function computeFor(
    conditions: Readonly<Record<string, string>>,
    reachableHere: Uint8Array,
    routing: string,
  ): ConditionFacts {
    const facts = {
      conditions,
      routing,
      reachable: reachableHere,
      steps: shortestPaths(graph, conditions, STEP_COSTS),
      seconds: shortestPaths(graph, conditions, seconds),
      menus: shortestPaths(graph, conditions, menus),
    };
    facts.reachable.forEach((seen, vertex) => {
      if (!seen) return;
      reachable[vertex] = 1;
      if (graph.nodes[vertex]?.type === 'menu') {
        const id = graph.ids[vertex] as string;
        depth.set(
          id,
          Math.min(
            depth.get(id) ?? Number.POSITIVE_INFINITY,
            facts.menus.distance[vertex] as number,
          ),
        );
      }
    });
    const nearest = closest(agents, facts.steps.distance);
    const fastest = closest(agents, facts.seconds.distance);
    if (nearest === undefined) return facts;
    const edges = pathTo(facts.steps, nearest);
    const human: WayToHuman = {
      agent: graph.ids[nearest] as string,
      steps: facts.steps.distance[nearest] as number,
      seconds: pathSeconds(graph, edges),
      inputs: inputsOf(edges),
      path: nodePathOf(graph, edges),
      queueSeconds: (graph.nodes[nearest] as AgentNode).waitSeconds,
    };
    return { ...facts, human, humanSeconds: facts.seconds.distance[fastest as number] as number };
  }

  const withHuman = byConditions.filter((facts) => facts.human);
  const best = withHuman.reduce<ConditionFacts | undefined>(
    (a, b) => (a === undefined || (b.human?.steps ?? 0) < (a.human?.steps ?? 0) ? b : a),
    undefined,
  );
  const humanSeconds = Math.min(...withHuman.map((facts) => facts.humanSeconds as number));
  return {
    graph,
    byConditions,
    byRouting: [...byRouting.values()],
    ...(best?.human ? { human: best.human, humanSeconds } : {}),
    reachable,
    depth,
  };
}

/** The edge each reachable branch takes with these conditions, as a key. */
function routingOf(
  graph: FlowGraph,
  conditions: Readonly<Record<string, string>>,
  reachable: Uint8Array,
): string {
  const taken: string[] = [];
  graph.nodes.forEach((node, vertex) => {
    if (node?.type !== 'branch' || !reachable[vertex]) return;
    const edge = graph.out[vertex]?.find((each) => edgeOpen(each, conditions));
    taken.push(`${vertex}>${edge?.to ?? '-'}`);
  });
  return taken.join(' ');
}

function closest(vertices: readonly number[], distance: Float64Array): number | undefined {
  let best: number | undefined;
  for (const vertex of vertices) {
    const d = distance[vertex] as number;
    if (Number.isFinite(d) && (best === undefined || d < (distance[best] as number))) best = vertex;
  }
  return best;
}

/** Every vertex the call can reach from the start with these conditions. */
export function reachableFrom(
  graph: FlowGraph,
  conditions: Readonly<Record<string, string>>,
  start = graph.start,
): Uint8Array {
  const seen = new Uint8Array(graph.ids.length);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const from = stack.pop() as number;
    for (const edge of graph.out[from] ?? []) {
      if (!seen[edge.to] && edgeOpen(edge, conditions)) {
        seen[edge.to] = 1;
        stack.push(edge.to);
      }
    }
  }
  return seen;
}
