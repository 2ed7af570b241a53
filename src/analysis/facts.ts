/**
 * The figures every rule and report reads, computed once per flow by one search of the call's
 * live states (`live.ts`): what a call can reach and the shortest ways there, over all condition
 * values at once. Per-value answers ("when hours=closed...") are one more search each, with that
 * value given.
 */

import { type CallerEvent, inputForEvent } from '../call/events.js';
import type { AgentNode, Flow } from '../flow/types.js';
import type { Edge, FlowGraph } from './graph.js';
import { graphOf } from './graph.js';
import {
  consistentWith,
  type LiveGraph,
  type LiveTree,
  type LiveWay,
  liveGraphOf,
  liveShortest,
  nearestState,
  wayTo,
} from './live.js';
import { oncePer } from './once.js';
import { menuCosts, STEP_COSTS, secondsCosts } from './paths.js';

export interface WayToHuman {
  readonly agent: string;
  readonly steps: number;
  readonly seconds: number;
  /** The caller's inputs, one per step. */
  readonly inputs: readonly string[];
  /** Node ids from the start to the agent, say and branch nodes included. */
  readonly path: readonly string[];
  readonly queueSeconds: number;
  /** The condition values the way reads (and any given from the outset). */
  readonly given: Readonly<Record<string, string>>;
}

/** One search of the live states, with some condition values given from the outset. */
export interface Search {
  readonly live: LiveGraph;
  /** The values given from the outset. */
  readonly given: Readonly<Record<string, string>>;
  readonly steps: LiveTree;
  readonly seconds: LiveTree;
  /** The fewest-steps way to a human, and the shortest time to one; undefined when none is reachable. */
  readonly human?: WayToHuman;
  readonly humanSeconds?: number;
}

export interface FlowFacts extends Search {
  readonly graph: FlowGraph;
  readonly menus: LiveTree;
  /** Vertices some call can reach, whatever the condition values. */
  readonly reachable: Uint8Array;
  /** Each reachable menu's depth: the fewest menus, itself included, on a way to it. */
  readonly depth: ReadonlyMap<string, number>;
}

/** One condition value's answer: the search with that value given and the others free. */
export interface ValueFacts {
  readonly condition: string;
  readonly value: string;
  readonly search: Search;
}

export const factsOf: (flow: Flow) => FlowFacts = oncePer(computeFacts);

/** The caller's events along a way, one per step: a handler edge of `tries` steps stands for that many. */
export function eventsOf(edges: readonly Edge[]): CallerEvent[] {
  return edges.flatMap((edge) =>
    edge.event === undefined ? [] : new Array<CallerEvent>(edge.steps).fill(edge.event),
  );
}

/**
 * The inputs along a way as reports write them (`0`, `say: agent`, `silence`), a value the
 * analysis picked as a bare `value`: any value the node takes will do.
 */
export function inputsOf(edges: readonly Edge[]): string[] {
  return eventsOf(edges).map((event) => (event.type === 'enter' ? 'value' : inputForEvent(event)));
}

export function nodePathOf(graph: FlowGraph, edges: readonly Edge[]): string[] {
  return [graph.ids[graph.start] as string, ...edges.map((edge) => graph.ids[edge.to] as string)];
}

/**
 * The search of a flow's calls with these values given (the others free until read): the ways
 * through the flow's live states that read no other value of them.
 */
export function searchWith(facts: FlowFacts, given: Readonly<Record<string, string>>): Search {
  return search(facts.graph, facts.live, given);
}

function search(
  graph: FlowGraph,
  live: LiveGraph,
  given: Readonly<Record<string, string>>,
): Search {
  const allowed = consistentWith(given);
  const steps = liveShortest(live, STEP_COSTS, allowed);
  const seconds = liveShortest(live, secondsCosts(graph), allowed);
  const agents = graph.nodes.flatMap((node, vertex) => (node?.type === 'agent' ? [vertex] : []));
  const nearest = closest(live, agents, steps);
  const fastest = closest(live, agents, seconds);
  const searched = { live, given, steps, seconds };
  if (nearest === undefined || fastest === undefined) return searched;
  const way = wayTo(steps, nearest, given);
  const agent = (live.points[nearest] as { vertex: number }).vertex;
  const human: WayToHuman = {
    agent: graph.ids[agent] as string,
    steps: steps.distance[nearest] as number,
    seconds: pathSeconds(graph, way.edges),
    inputs: inputsOf(way.edges),
    path: nodePathOf(graph, way.edges),
    queueSeconds: (graph.nodes[agent] as AgentNode).waitSeconds,
    given: way.given,
  };
  return { ...searched, human, humanSeconds: seconds.distance[fastest] as number };
}

/** Whether a call in this search reaches a vertex. */
export function reaches(found: Search, vertex: number): boolean {
  return nearestState(found.live, found.steps, vertex) !== undefined;
}

function computeFacts(flow: Flow): FlowFacts {
  const graph = graphOf(flow);
  const live = liveGraphOf(graph);
  const all = search(graph, live, {});
  const menus = liveShortest(live, menuCosts(graph));
  const reachable = new Uint8Array(graph.ids.length);
  const depth = new Map<string, number>();
  live.statesAt.forEach((states, vertex) => {
    if (states.length === 0) return;
    reachable[vertex] = 1;
    if (graph.nodes[vertex]?.type !== 'menu') return;
    let fewest = Number.POSITIVE_INFINITY;
    for (const state of states) fewest = Math.min(fewest, menus.distance[state] as number);
    depth.set(graph.ids[vertex] as string, fewest);
  });
  return { ...all, graph, menus, reachable, depth };
}

/** Each declared condition value's search, made once per flow and only when asked for. */
export const valueFactsOf: (facts: FlowFacts) => readonly ValueFacts[] = oncePer((facts) =>
  Object.entries(facts.graph.flow.conditions).flatMap(([condition, values]) =>
    values.map((value) => ({
      condition,
      value,
      search: searchWith(facts, { [condition]: value }),
    })),
  ),
);

/** The fewest-cost way to a vertex in a search, undefined when no call reaches it. */
export function bestWayTo(
  search: Pick<Search, 'live' | 'given'>,
  tree: LiveTree,
  vertex: number,
): (LiveWay & { readonly cost: number }) | undefined {
  const state = nearestState(search.live, tree, vertex);
  if (state === undefined) return undefined;
  return { ...wayTo(tree, state, search.given), cost: tree.distance[state] as number };
}

/** The state of the vertices nearest the start (the first vertex on a tie). */
function closest(live: LiveGraph, vertices: readonly number[], tree: LiveTree): number | undefined {
  let best: number | undefined;
  for (const vertex of vertices) {
    const state = nearestState(live, tree, vertex);
    if (
      state !== undefined &&
      (best === undefined || (tree.distance[state] as number) < (tree.distance[best] as number))
    )
      best = state;
  }
  return best;
}

/** Seconds in the menus along a way: each prompt entered, and what each move adds. */
export function pathSeconds(graph: FlowGraph, edges: readonly Edge[]): number {
  let total = graph.enterSeconds[graph.start] as number;
  for (const edge of edges) total += edge.seconds + (graph.enterSeconds[edge.to] as number);
  return total;
}
