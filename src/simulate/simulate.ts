/**
 * Monte Carlo callers on a flow. Each caller follows a profile: a goal-directed caller takes the
 * shortest way to their goal and errs by the profile's chances; a lost caller picks options at
 * random. It runs on the analyzer's graph, not an XState actor, for speed; a test replays
 * simulated walks on the machine to hold the two together.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { type Edge, edgeOpen, type FlowGraph, graphOf } from '../analysis/graph.js';
import { stepsTo } from '../analysis/paths.js';
import { attemptSeconds, enterSeconds } from '../call/step.js';
import type { CallerProfile, Flow, ListeningNode } from '../flow/types.js';
import { randomStream } from './random.js';
import { summarise, toColumns } from './summary.js';

export type { CallerProfile };

import { inputForEvent } from '../call/events.js';

export const DEFAULT_PROFILES: readonly CallerProfile[] = [
  {
    name: 'knows what they want',
    share: 0.8,
    goal: 'human',
    keyMistake: 0.05,
    phraseMisunderstood: 0.2,
    knowsZero: 0.3,
    patience: { seconds: 180, errors: 4 },
  },
  {
    name: 'lost',
    share: 0.2,
    goal: 'human',
    lost: true,
    keyMistake: 0.05,
    phraseMisunderstood: 0.2,
    knowsZero: 0,
    patience: { seconds: 120, errors: 3 },
  },
];

/** Where a call ended: with a person, abandoned by the caller, thrown out by the system, or another end. */
export type CallerEnd = 'human' | 'abandoned' | 'disconnected' | 'ended';

export interface SimulatedCaller {
  readonly profile: string;
  readonly end: CallerEnd;
  /** Whether the caller reached their profile's goal (a person, or the node named), apart from the end. */
  readonly reachedGoal: boolean;
  readonly node: string;
  readonly steps: number;
  readonly seconds: number;
  /** The caller's inputs, as `expect` entries write them (only when traced). */
  readonly inputs?: readonly string[];
  readonly conditions: Readonly<Record<string, string>>;
}

export interface ProfileResult {
  readonly profile: string;
  readonly callers: number;
  /**
   * Shares of callers, 0–1. `human`, `abandoned`, `disconnected` and `ended` say where calls
   * ended and add up to 1; `goal` is apart: those who reached their goal, whatever it was.
   */
  readonly share: Readonly<Record<CallerEnd | 'goal', number>>;
  readonly steps: { readonly median: number; readonly p90: number };
  readonly seconds: { readonly median: number; readonly p90: number };
  /** Callers by the number of steps they took (index = steps). */
  readonly histogram: readonly number[];
}

export interface SimulateOptions {
  readonly callers: number;
  readonly seed?: number;
  /** Default: the flow's own `callers`, else DEFAULT_PROFILES. */
  readonly profiles?: readonly CallerProfile[];
  /**
   * Condition values for every caller; each condition not given is drawn at random for each
   * caller, every value equally likely.
   */
  readonly conditions?: Readonly<Record<string, string>>;
  /** Return every caller, with their inputs (for tests and replays). */
  readonly trace?: boolean;
  /** Return every caller, without their inputs (for worker threads). */
  readonly keepCallers?: boolean;
  /**
   * Which of the seed's independent streams of random numbers to draw from (each worker thread
   * takes its own, so their callers never repeat each other's). Default 0.
   */
  readonly stream?: number;
  /** Told how many callers are done, every few thousand. */
  readonly onProgress?: (done: number) => void;
}

/** A caller who takes more steps than this has given up, whatever their patience says. */
const MAX_STEPS = 200;

/** The profiles a simulation uses: the options', else the flow's own, else the defaults. */
export function profilesFor(
  flow: Flow,
  options: Pick<SimulateOptions, 'profiles'>,
): readonly CallerProfile[] {
  return options.profiles ?? flow.callers ?? DEFAULT_PROFILES;
}

export function simulate(
  flow: Flow,
  options: SimulateOptions,
): { results: ProfileResult[]; callers?: SimulatedCaller[] } {
  const graph = graphOf(flow);
  const rng = randomStream(options.seed ?? 1, options.stream ?? 0);
  const random = () => uniformFloat64(rng);
  const profiles = profilesFor(flow, options);
  const totalShare = profiles.reduce((sum, profile) => sum + profile.share, 0);
  // Conditions not given are drawn at random for each caller: every combination equally likely.
  const draw = conditionDrawer(flow, options.conditions ?? {}, random);
  // Distances to each profile's goal, per combination of conditions met, computed when first met.
  const towards = profiles.map(() => new Map<string, Float64Array>());
  const simulated: SimulatedCaller[] = [];
  for (let i = 0; i < options.callers; i++) {
    if (options.onProgress && i % 5000 === 0) options.onProgress(i);
    const which = pickProfile(profiles, random() * totalShare);
    const profile = profiles[which] as CallerProfile;
    const { key, conditions } = draw();
    const known = towards[which] as Map<string, Float64Array>;
    let distance = known.get(key);
    if (!distance) {
      // A bound on memory when there are more combinations than callers can repeat.
      if (known.size >= MOST_REMEMBERED) known.clear();
      distance = distanceToGoal(graph, profile.goal, conditions);
      known.set(key, distance);
    }
    simulated.push(oneCaller(graph, profile, conditions, distance, random, options.trace ?? false));
  }
  options.onProgress?.(options.callers);
  const results = summarise(profiles, [toColumns(simulated, profiles)]);
  return options.trace || options.keepCallers ? { results, callers: simulated } : { results };
}

/** The index of the profile a point in [0, total share) falls on. */
function pickProfile(profiles: readonly CallerProfile[], point: number): number {
  let left = point;
  for (const [index, profile] of profiles.entries()) {
    left -= profile.share;
    if (left < 0) return index;
  }
  return profiles.length - 1;
}

/** Fewest steps from every vertex to the goal, over the edges open for these conditions. */
const MOST_REMEMBERED = 4096;

/**
 * Draws one caller's condition values: the given ones, and each other condition's values equally
 * likely. One draw picks the combination's index in their product (the order
 * `conditionCombinations` lists them) while that is exact in a double; beyond, one per condition.
 */
function conditionDrawer(
  flow: Flow,
  given: Readonly<Record<string, string>>,
  random: () => number,
): () => Drawn {
  const free = Object.entries(flow.conditions).filter(([name]) => given[name] === undefined);
  const total = free.reduce((product, [, values]) => product * values.length, 1);
  const named = (conditions: Record<string, string>): Drawn => ({
    key: free.map(([name]) => conditions[name]).join('\u0000'),
    conditions,
  });
  if (total > 2 ** 32) {
    return () => {
      const conditions: Record<string, string> = { ...given };
      for (const [name, values] of free)
        conditions[name] = values[Math.floor(random() * values.length)] as string;
      return named(conditions);
    };
  }
  // Callers meet the same few combinations again and again: each is decoded once.
  const decoded = new Map<number, Drawn>();
  return () => {
    const index = Math.floor(random() * total);
    let drawn = decoded.get(index);
    if (!drawn) {
      const conditions: Record<string, string> = { ...given };
      let rest = index;
      for (let i = free.length - 1; i >= 0; i--) {
        const [name, values] = free[i] as [string, readonly string[]];
        conditions[name] = values[rest % values.length] as string;
        rest = Math.floor(rest / values.length);
      }
      drawn = named(conditions);
      if (decoded.size >= MOST_REMEMBERED) decoded.clear();
      decoded.set(index, drawn);
    }
    return drawn;
  };
}

/** One caller's condition values, and a key naming them. */
interface Drawn {
  readonly key: string;
  readonly conditions: Readonly<Record<string, string>>;
}

function distanceToGoal(
  graph: FlowGraph,
  goal: string,
  conditions: Readonly<Record<string, string>>,
): Float64Array {
  const targets = graph.nodes.flatMap((node, vertex) =>
    node && (goal === 'human' ? node.type === 'agent' : node.id === goal) ? [vertex] : [],
  );
  return stepsTo(graph, conditions, targets);
}

function oneCaller(
  graph: FlowGraph,
  profile: CallerProfile,
  conditions: Readonly<Record<string, string>>,
  distance: Float64Array,
  random: () => number,
  trace: boolean,
): SimulatedCaller {
  const inputs: string[] = [];
  // Inputs are written out only when traced: building strings is most of a step's cost.
  const note = trace ? (input: string) => inputs.push(input) : () => {};
  const knowsZero = random() < profile.knowsZero;
  let vertex = graph.start;
  let steps = 0;
  let errors = 0;
  let seconds = graph.enterSeconds[vertex] as number;
  const finish = (end: CallerEnd, reachedGoal = false): SimulatedCaller => ({
    profile: profile.name,
    end,
    reachedGoal,
    node: graph.ids[vertex] as string,
    steps,
    seconds,
    conditions,
    ...(trace ? { inputs } : {}),
  });
  const move = (edge: Edge) => {
    vertex = edge.to;
    seconds += graph.enterSeconds[vertex] as number;
  };
  let sentByErrors = false;
  for (;;) {
    const node = graph.nodes[vertex];
    if (!node) return finish('disconnected');
    if (node.type === 'say' || node.type === 'branch') {
      const next = graph.out[vertex]?.find((edge) => edgeOpen(edge, conditions));
      if (!next) return finish('ended');
      move(next);
      continue;
    }
    if (node.type === 'agent')
      return finish('human', profile.goal === 'human' || profile.goal === node.id);
    if (node.type === 'transfer' || node.type === 'hangup') {
      // A hang-up the caller was sent to by their errors is the system throwing them out.
      const end = node.type === 'hangup' && sentByErrors ? 'disconnected' : 'ended';
      return finish(end, profile.goal === node.id);
    }
    // A menu or an input: attempts until the caller moves on, is moved on, or gives up.
    const counts = { noMatch: 0, noInput: 0 };
    const here = vertex;
    while (vertex === here) {
      if (
        steps >= MAX_STEPS ||
        seconds > profile.patience.seconds ||
        errors >= profile.patience.errors
      )
        return finish('abandoned');
      const choice = choose(graph, node, here, profile, knowsZero, distance, random, trace);
      steps += 1;
      if (choice.kind === 'take') {
        note(choice.input);
        sentByErrors = false;
        move(choice.edge);
        break;
      }
      if (choice.kind === 'repeat') {
        note(choice.input);
        seconds += enterSeconds(node);
        continue;
      }
      note(choice.kind === 'noMatch' ? 'invalid' : 'silence');
      if (choice.kind === 'noMatch') errors += 1;
      const handler = node[choice.kind];
      counts[choice.kind] += 1;
      seconds += attemptSeconds(node, choice.kind);
      if (counts[choice.kind] < handler.tries) {
        seconds += enterSeconds(node);
        continue;
      }
      const out = graph.out[here]?.find((edge) => edge.kind === choice.kind);
      if (!out) return finish('disconnected');
      if (out.to === graph.disconnected) {
        vertex = out.to;
        return { ...finish('disconnected'), node: node.id };
      }
      sentByErrors = true;
      move(out);
      if (out.to === here) break;
    }
  }
}

type Choice =
  | { readonly kind: 'take'; readonly edge: Edge; readonly input: string }
  | { readonly kind: 'repeat'; readonly input: string }
  | { readonly kind: 'noMatch' | 'noInput' };

const NO_MATCH: Choice = { kind: 'noMatch' };
const NO_INPUT: Choice = { kind: 'noInput' };

function choose(
  graph: FlowGraph,
  node: ListeningNode,
  vertex: number,
  profile: CallerProfile,
  knowsZero: boolean,
  distance: Float64Array,
  random: () => number,
  trace: boolean,
): Choice {
  // A menu's or an input's own moves never depend on conditions: all are open.
  const edges = graph.out[vertex] ?? [];
  const attempt = (edge: Edge): Choice => {
    if (edge.kind === 'noMatch') return NO_MATCH;
    if (edge.kind === 'noInput') return NO_INPUT;
    const spoken = edge.event?.type === 'say';
    if (random() < (spoken ? profile.phraseMisunderstood : profile.keyMistake)) return NO_MATCH;
    // Inputs are written out only when traced: building strings is much of a step's cost.
    const input = trace && edge.event ? inputForEvent(edge.event) : '';
    return { kind: 'take', edge, input };
  };
  if (node.type === 'menu' && profile.lost) {
    const options = node.options;
    const option = options[Math.floor(random() * options.length)];
    if (!option) return { kind: 'noInput' };
    if (option.repeat) return { kind: 'repeat', input: option.key ?? `say: ${option.say[0]}` };
    const edge = edges.find((e) => e.kind === 'option' && e.option === options.indexOf(option));
    return edge ? attempt(edge) : { kind: 'noMatch' };
  }
  if (node.type === 'menu' && knowsZero && profile.goal === 'human') {
    const zero = edges.find(
      (edge) =>
        edge.kind === 'option' &&
        edge.event?.type === 'press' &&
        edge.event.key === '0' &&
        graph.nodes[edge.to]?.type === 'agent',
    );
    if (zero) return attempt(zero);
  }
  let best: Edge | undefined;
  for (const edge of edges) {
    const cost = edge.steps + (distance[edge.to] as number);
    if (Number.isFinite(cost) && (!best || cost < best.steps + (distance[best.to] as number)))
      best = edge;
  }
  if (best) return attempt(best);
  // No way to the goal from here: the caller tries something.
  const any = edges.filter((edge) => edge.kind === 'option' || edge.kind === 'value');
  const pick = any[Math.floor(random() * any.length)];
  return pick ? attempt(pick) : { kind: 'noInput' };
}
