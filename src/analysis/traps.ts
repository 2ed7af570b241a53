/**
 * Where callers are trapped: call states from which, for some condition values, no end (an
 * agent, a transfer or a hang-up) can be reached whatever the caller does.
 *
 * The values are fixed for the whole call, so "for some values" cannot be decided branch by
 * branch. First a linear pass finds the states from which the caller reaches an end even if each
 * branch reading a condition for the first time took the worst value for them (`escapes`); no
 * fixed values can trap them. Only the rest are searched for values that trap them, trying at
 * each first read just the values that lead to a state that does not escape.
 */
import type { BranchNode } from '../flow/types.js';
import type { FlowFacts } from './facts.js';
import { consistentWith, type LiveEdge, type LiveGraph } from './live.js';
import { oncePer } from './once.js';

type Values = Readonly<Record<string, string>>;

export interface Traps {
  /** State → 1 when the caller reaches an end whatever the condition values. */
  readonly escapes: Uint8Array;
  /**
   * State → condition values (beyond its own) that trap it, each including `given`; empty when
   * none do.
   */
  readonly trappedWhen: (state: number, given?: Values) => readonly Values[];
  /** State → the moves into it. */
  readonly movesInto: readonly (readonly LiveEdge[])[];
  /** Whether the caller can reach an end from a state when these values hold (the rest free). */
  readonly canEnd: (state: number, values: Values) => boolean;
}

/** How many sets of trapping values to find per state, and how many branchings to try. */
const MOST_VALUES = 64;
const MOST_TRIES = 20_000;

export const trapsOf: (facts: FlowFacts) => Traps = oncePer((facts) => findTraps(facts.live));

function isEnd(live: LiveGraph, state: number): boolean {
  const type = live.graph.nodes[live.points[state]?.vertex as number]?.type;
  return type === 'agent' || type === 'transfer' || type === 'hangup';
}

/** The branch a state stands at when it reads a condition not yet fixed, else undefined. */
function firstRead(live: LiveGraph, state: number): BranchNode | undefined {
  const point = live.points[state];
  if (!point) return undefined;
  const node = live.graph.nodes[point.vertex];
  return node?.type === 'branch' && point.values[node.condition] === undefined ? node : undefined;
}

/** The move a value takes at a branch's first read; undefined where the call stays stuck. */
function moveFor(live: LiveGraph, state: number, value: string): LiveEdge | undefined {
  return live.out[state]?.find((move) => move.fixes?.values.includes(value));
}

function findTraps(live: LiveGraph): Traps {
  const size = live.points.length;
  const escapes = new Uint8Array(size);
  const movesInto: LiveEdge[][] = live.points.map(() => []);
  for (const moves of live.out) for (const move of moves) movesInto[move.to]?.push(move);
  // A first read escapes when every value does (some value may lead nowhere: it never does).
  const waiting = new Int32Array(size);
  live.points.forEach((_, state) => {
    const branch = firstRead(live, state);
    if (!branch) return;
    const values = live.graph.flow.conditions[branch.condition] ?? [];
    const led = (live.out[state] ?? []).reduce(
      (sum, move) => sum + (move.fixes?.values.length ?? 0),
      0,
    );
    waiting[state] =
      led < values.length ? Number.POSITIVE_INFINITY : (live.out[state]?.length ?? 0);
  });
  const stack: number[] = [];
  for (let state = 0; state < size; state++) {
    if (isEnd(live, state)) {
      escapes[state] = 1;
      stack.push(state);
    }
  }
  while (stack.length > 0) {
    for (const { from } of movesInto[stack.pop() as number] ?? []) {
      if (escapes[from]) continue;
      if (firstRead(live, from) && --(waiting[from] as number) > 0) continue;
      escapes[from] = 1;
      stack.push(from);
    }
  }

  const found = new Map<number, readonly Values[]>();
  const trappedWhen = (state: number, given: Values = {}): readonly Values[] => {
    if (escapes[state]) return [];
    if (Object.keys(given).length > 0) return valuesTrapping(live, escapes, state, given);
    let answer = found.get(state);
    if (!answer) {
      answer = valuesTrapping(live, escapes, state, given);
      found.set(state, answer);
    }
    return answer;
  };
  return {
    escapes,
    trappedWhen,
    movesInto,
    canEnd: (state, values) => canEndWith(live, state, values),
  };
}

/**
 * Sets of values for the conditions first read ahead of `from` under which no end is reached from
 * it: a search that branches only at first reads, on the values that do not escape.
 */
function valuesTrapping(
  live: LiveGraph,
  escapes: Uint8Array,
  from: number,
  given: Values,
): Values[] {
  const results: Values[] = [];
  let tries = 0;
  const explore = (fixed: Values, seen: Set<number>, pending: number[]): void => {
    while (pending.length > 0) {
      if (results.length >= MOST_VALUES || ++tries > MOST_TRIES) return;
      const state = pending.pop() as number;
      if (escapes[state]) return;
      const branch = firstRead(live, state);
      const value = branch && fixed[branch.condition];
      if (branch && value === undefined) {
        for (const each of live.graph.flow.conditions[branch.condition] ?? []) {
          const move = moveFor(live, state, each);
          if (move && escapes[move.to]) continue;
          const next = move && !seen.has(move.to) ? [move.to] : [];
          explore({ ...fixed, [branch.condition]: each }, new Set([...seen, ...next]), [
            ...pending,
            ...next,
          ]);
        }
        return;
      }
      const moves =
        branch && value !== undefined
          ? [moveFor(live, state, value)].filter((move) => move !== undefined)
          : (live.out[state] ?? []);
      for (const move of moves) {
        if (seen.has(move.to)) continue;
        seen.add(move.to);
        pending.push(move.to);
      }
    }
    if (results.length < MOST_VALUES) results.push(fixed);
  };
  // Past the budget the answer errs towards a trap: some values were not tried.
  explore(given, new Set([from]), [from]);
  return tries > MOST_TRIES && results.length === 0 ? [given] : results;
}

function canEndWith(live: LiveGraph, from: number, values: Values): boolean {
  const allowed = consistentWith(values);
  const seen = new Uint8Array(live.points.length);
  const stack = [from];
  seen[from] = 1;
  while (stack.length > 0) {
    const state = stack.pop() as number;
    if (isEnd(live, state)) return true;
    for (const move of live.out[state] ?? []) {
      if (seen[move.to] || !allowed(move)) continue;
      seen[move.to] = 1;
      stack.push(move.to);
    }
  }
  return false;
}
