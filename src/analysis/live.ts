/**
 * The call's states as the analysis searches them: a node, and the values of the conditions that
 * were read on the way there and will be read again. A condition's value is fixed where a branch
 * first reads it and forgotten once nothing ahead reads it (its liveness), so a flow of forty
 * conditions read one after another has about twice its nodes as states, not 2^40 of them; a
 * condition read twice keeps its value between the reads, as it does for a caller.
 *
 * Every way through this graph is a way some call takes with some condition values, and every
 * call's way is one through it: what is reachable and how far, over all condition values, is a
 * search of this graph.
 */
import FlatQueue from 'flatqueue';
import type { Edge, FlowGraph } from './graph.js';
import type { Costs } from './paths.js';

/** Where a call stands: a vertex and the live condition values it carries. */
export interface CallPoint {
  readonly vertex: number;
  /** Condition values fixed on the way and read again ahead, by condition name. */
  readonly values: Readonly<Record<string, string>>;
}

export interface LiveEdge {
  readonly from: number;
  readonly to: number;
  readonly edge: Edge;
  /**
   * The condition value this move fixes: a branch reading a condition for the first time. When
   * several values lead to the same state, `value` is the first and `values` has them all.
   */
  readonly fixes?: {
    readonly condition: string;
    readonly value: string;
    readonly values: readonly string[];
  };
}

export interface LiveGraph {
  readonly graph: FlowGraph;
  /** State index → where the call stands; state 0 is the start. */
  readonly points: readonly CallPoint[];
  readonly out: readonly (readonly LiveEdge[])[];
  /** Vertex → its states. */
  readonly statesAt: readonly (readonly number[])[];
}

/** Beyond this many states the flow keeps too many conditions live at once to search. */
export const MAX_STATES = 2_000_000;

/** A flow whose search would pass the bound on states; `hint` says what to change. */
export class TooManyStatesError extends Error {
  override name = 'TooManyStatesError';
  readonly hint =
    'Read each condition in one place, or read it again closer to where it was first read.';
}

/**
 * The conditions each vertex may still read ahead (itself included), by condition index: the
 * backward closure of the branches' reads over every edge, whatever the values.
 */
function liveConditions(graph: FlowGraph, names: readonly string[]): Set<number>[] {
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const live = graph.ids.map(() => new Set<number>());
  const into: number[][] = graph.ids.map(() => []);
  graph.out.forEach((edges, from) => {
    for (const edge of edges) into[edge.to]?.push(from);
  });
  const work: number[] = [];
  graph.nodes.forEach((node, vertex) => {
    if (node?.type !== 'branch') return;
    const index = indexOf.get(node.condition);
    if (index === undefined) return;
    live[vertex]?.add(index);
    work.push(vertex);
  });
  while (work.length > 0) {
    const vertex = work.pop() as number;
    const here = live[vertex] as Set<number>;
    for (const from of into[vertex] ?? []) {
      const there = live[from] as Set<number>;
      const size = there.size;
      for (const condition of here) there.add(condition);
      if (there.size !== size) work.push(from);
    }
  }
  return live;
}

/**
 * Every state a call can reach from the start, each condition free until a branch reads it.
 * Throws `TooManyStatesError` beyond `mostStates`: a bound on memory.
 */
export function liveGraphOf(
  graph: FlowGraph,
  live: readonly Set<number>[] = liveConditions(graph, Object.keys(graph.flow.conditions)),
  mostStates = MAX_STATES,
): LiveGraph {
  const names = Object.keys(graph.flow.conditions);
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const points: CallPoint[] = [];
  const out: LiveEdge[][] = [];
  const statesAt: number[][] = graph.ids.map(() => []);
  const known = new Map<string, number>();

  const stateOf = (vertex: number, values: Record<string, string>): number => {
    const ahead = live[vertex] as Set<number>;
    const kept: Record<string, string> = {};
    let key = `${vertex}`;
    for (const name of names) {
      const value = values[name];
      if (value === undefined || !ahead.has(indexOf.get(name) as number)) continue;
      kept[name] = value;
      key += `\u0000${name}=${value}`;
    }
    const existing = known.get(key);
    if (existing !== undefined) return existing;
    const state = points.length;
    if (state >= mostStates) {
      throw new TooManyStatesError(
        `The flow ${graph.flow.id} keeps too many condition values live at once to search (over ${mostStates.toLocaleString('en')} call states): each condition read at the start and again at the end is carried all the way, doubling the states.`,
      );
    }
    known.set(key, state);
    points.push({ vertex, values: kept });
    out.push([]);
    (statesAt[vertex] as number[]).push(state);
    return state;
  };

  stateOf(graph.start, {});
  for (let state = 0; state < points.length; state++) {
    const { vertex, values } = points[state] as CallPoint;
    const edges = out[state] as LiveEdge[];
    for (const edge of graph.out[vertex] ?? []) {
      const read = edge.when?.condition ?? edge.otherwise?.condition;
      if (read === undefined) {
        edges.push({ from: state, to: stateOf(edge.to, values), edge });
        continue;
      }
      const known = values[read];
      const candidates =
        known !== undefined ? [known] : (graph.flow.conditions[read] ?? []).map(String);
      const moves = new Map<number, string[]>();
      for (const value of candidates) {
        const open = edge.when ? edge.when.value === value : !edge.otherwise?.covered.has(value);
        if (!open) continue;
        // Values that lead to the same state are one move: the value is not read again.
        const to = stateOf(edge.to, { ...values, [read]: value });
        const same = moves.get(to);
        if (same) same.push(value);
        else moves.set(to, [value]);
      }
      for (const [to, leading] of moves) {
        edges.push(
          known !== undefined
            ? { from: state, to, edge }
            : {
                from: state,
                to,
                edge,
                fixes: { condition: read, value: leading[0] as string, values: leading },
              },
        );
      }
    }
  }
  return { graph, points, out, statesAt };
}

/** Distances from the start state and the move each state is best reached by. */
export interface LiveTree {
  /** Infinity where the state cannot be reached over the moves allowed. */
  readonly distance: Float64Array;
  readonly via: readonly (LiveEdge | undefined)[];
}

/**
 * Dijkstra from the start state over the moves `allowed` (all by default); costs must not be
 * negative.
 */
export function liveShortest(
  live: LiveGraph,
  costs: Costs,
  allowed: (move: LiveEdge) => boolean = () => true,
): LiveTree {
  const size = live.points.length;
  const distance = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const via: (LiveEdge | undefined)[] = new Array(size).fill(undefined);
  const done = new Uint8Array(size);
  const queue = new FlatQueue<number>();
  distance[0] = costs.vertex((live.points[0] as CallPoint).vertex);
  queue.push(0, distance[0] as number);
  while (queue.length > 0) {
    const state = queue.pop() as number;
    if (done[state]) continue;
    done[state] = 1;
    const base = distance[state] as number;
    for (const move of live.out[state] ?? []) {
      if (!allowed(move)) continue;
      const next = base + costs.edge(move.edge) + costs.vertex(move.edge.to);
      if (next < (distance[move.to] as number)) {
        distance[move.to] = next;
        via[move.to] = move;
        queue.push(move.to, next);
      }
    }
  }
  return { distance, via };
}

/** The state of a vertex nearest the start (the first on a tie), undefined when none is reached. */
export function nearestState(live: LiveGraph, tree: LiveTree, vertex: number): number | undefined {
  let best: number | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const state of live.statesAt[vertex] ?? []) {
    const distance = tree.distance[state] as number;
    if (distance < fewest) {
      best = state;
      fewest = distance;
    }
  }
  return best;
}

/** Moves consistent with these condition values: a first read takes only the value given. */
export function consistentWith(
  given: Readonly<Record<string, string>>,
): (move: LiveEdge) => boolean {
  return (move) => {
    if (!move.fixes) return true;
    const value = given[move.fixes.condition];
    return value === undefined || move.fixes.values.includes(value);
  };
}

/** The fewest-cost distance to a vertex over its states (Infinity when unreachable). */
export function distanceTo(live: LiveGraph, tree: LiveTree, vertex: number): number {
  const state = nearestState(live, tree, vertex);
  return state === undefined ? Number.POSITIVE_INFINITY : (tree.distance[state] as number);
}

/** A way from the start to a state: its flow edges, and the condition values it reads. */
export interface LiveWay {
  readonly edges: readonly Edge[];
  /** The values the way depends on: those given from the outset and those its branches fixed. */
  readonly given: Readonly<Record<string, string>>;
}

export function wayTo(
  tree: LiveTree,
  state: number,
  fixed: Readonly<Record<string, string>> = {},
): LiveWay {
  const moves: LiveEdge[] = [];
  for (let move = tree.via[state]; move; move = tree.via[move.from]) moves.push(move);
  moves.reverse();
  const given: Record<string, string> = { ...fixed };
  for (const move of moves)
    if (move.fixes && given[move.fixes.condition] === undefined)
      given[move.fixes.condition] = move.fixes.value;
  return { edges: moves.map((move) => move.edge), given };
}
