/**
 * Running a flow's `expect` entries: `reach` … `within` asks the analyzer, `inputs` … `ends`
 * drives a simulated call along the inputs and checks where it stands.
 */
import { bestWayTo, eventsOf, factsOf, pathSeconds, searchWith } from '../analysis/facts.js';
import type { LiveWay } from '../analysis/live.js';
import { Call, type TranscriptEntry } from '../call/call.js';
import { ConditionError, describeConditions, resolveConditions } from '../flow/conditions.js';
import type { Expectation, Flow } from '../flow/types.js';

export interface ExpectationResult {
  readonly expectation: Expectation;
  readonly passed: boolean;
  /** What happened, in words: why it passed or failed. */
  readonly message: string;
  /** The call's transcript: of the inputs given, or of the best way found for a `reach`. */
  readonly transcript: readonly TranscriptEntry[];
  /** Nodes and options the scenario exercised, for coverage. */
  readonly visited: ReadonlySet<string>;
  readonly chosen: ReadonlySet<string>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runExpectations(flow: Flow): ExpectationResult[] {
  return flow.expect.map((expectation) => {
    try {
      return expectation.inputs !== undefined
        ? runInputs(flow, expectation)
        : runReach(flow, expectation);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      return {
        expectation,
        passed: false,
        message: error.message,
        transcript: [],
        visited: new Set(),
        chosen: new Set(),
      };
    }
  });
}

function runInputs(flow: Flow, expectation: Expectation): ExpectationResult {
  const call = new Call(flow, expectation.given);
  for (const input of expectation.inputs ?? []) call.sendWritten(input);
  const passed = call.node === expectation.ends;
  const where = call.ended ? `ended at ${call.node}` : `stands at ${call.node}`;
  return {
    expectation,
    passed,
    message: passed
      ? `${where} after ${plural(call.stepCount, 'step')}`
      : `expected the call to end at ${expectation.ends}, but after ${plural(call.stepCount, 'step')} it ${where}`,
    transcript: call.transcript,
    visited: call.visited,
    chosen: call.chosen,
  };
}

function runReach(flow: Flow, expectation: Expectation): ExpectationResult {
  const facts = factsOf(flow);
  const { graph } = facts;
  const target = expectation.reach ?? 'human';
  const wanted = (vertex: number) =>
    target === 'human' ? graph.nodes[vertex]?.type === 'agent' : graph.ids[vertex] === target;
  // Values the flow does not declare are refused, as for a walk.
  resolveConditions(flow, expectation.given);
  const search = Object.keys(expectation.given).length
    ? searchWith(facts, expectation.given)
    : facts;
  const bySeconds = expectation.within?.kind === 'seconds';
  const tree = bySeconds ? search.seconds : search.steps;
  let best: { way: LiveWay; vertex: number; steps: number; cost: number } | undefined;
  graph.ids.forEach((_, vertex) => {
    if (!wanted(vertex)) return;
    const way = bestWayTo(search, tree, vertex);
    if (way && (best === undefined || way.cost < best.cost)) {
      const steps = eventsOf(way.edges).length;
      best = { way, vertex, steps, cost: way.cost };
    }
  });
  const name = target === 'human' ? 'a human' : target;
  const none = { transcript: [], visited: new Set<string>(), chosen: new Set<string>() };
  if (!best) {
    const when = Object.keys(expectation.given).length
      ? ` when ${describeConditions(expectation.given)}`
      : '';
    return { expectation, passed: false, message: `${name} cannot be reached${when}`, ...none };
  }
  // Replay the best way in a call: its transcript shows a failing scenario, and it gives coverage.
  const { edges } = best.way;
  const call = new Call(flow, best.way.given);
  for (const event of eventsOf(edges)) call.send(event);
  const seconds = Math.round(pathSeconds(graph, edges) * 10) / 10;
  const within = expectation.within;
  const reached = `${name} in ${plural(best.steps, 'step')}, ${seconds} s in the menus`;
  if (!within)
    return {
      expectation,
      passed: true,
      message: `reaches ${reached}`,
      transcript: call.transcript,
      visited: call.visited,
      chosen: call.chosen,
    };
  const passed = within.kind === 'steps' ? best.steps <= within.steps : seconds <= within.seconds;
  const limit = within.kind === 'steps' ? plural(within.steps, 'step') : `${within.seconds} s`;
  return {
    expectation,
    passed,
    message: passed
      ? `reaches ${reached} (within ${limit})`
      : `the best way reaches ${reached}, not within ${limit}`,
    transcript: call.transcript,
    visited: call.visited,
    chosen: call.chosen,
  };
}

/** Which nodes and options a flow's expectations exercise, and which not. */
export interface Coverage {
  readonly nodes: {
    readonly covered: number;
    readonly total: number;
    readonly missing: readonly string[];
  };
  readonly options: {
    readonly covered: number;
    readonly total: number;
    readonly missing: readonly string[];
  };
  /** Nodes and options together, 0–100. */
  readonly percent: number;
}

export function coverageOf(flow: Flow, results: readonly ExpectationResult[]): Coverage {
  const visited = new Set(results.flatMap((result) => [...result.visited]));
  const chosen = new Set(results.flatMap((result) => [...result.chosen]));
  const nodes = [...flow.nodes.keys()];
  const options = [...flow.nodes.values()].flatMap((node) =>
    node.type === 'menu'
      ? node.options.map((option, i) => ({
          id: `${node.id}#${i}`,
          label: `${node.id} ${option.key !== undefined ? `key ${option.key}` : `"${option.say[0]}"`} → ${option.to ?? 'repeat'}`,
        }))
      : [],
  );
  const missingNodes = nodes.filter((id) => !visited.has(id));
  const missingOptions = options
    .filter((option) => !chosen.has(option.id))
    .map((option) => option.label);
  const total = nodes.length + options.length;
  const covered = total - missingNodes.length - missingOptions.length;
  return {
    nodes: {
      covered: nodes.length - missingNodes.length,
      total: nodes.length,
      missing: missingNodes,
    },
    options: {
      covered: options.length - missingOptions.length,
      total: options.length,
      missing: missingOptions,
    },
    percent: total === 0 ? 100 : Math.round((covered / total) * 1000) / 10,
  };
}
