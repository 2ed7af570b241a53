/**
 * Test an IVR implementation against its flow, model-based: `xstate/graph` generates paths
 * through the flow's machine (the shortest to every state, and simple paths up to a bound);
 * each path drives the implementation through an adapter and checks, step by step, that it
 * says what the flow says. Published as `phonemaze/testing`.
 */
import { createTestModel } from 'xstate/graph';
import { factsOf } from '../analysis/facts.js';
import { wayTo } from '../analysis/live.js';
import { Call } from '../call/call.js';
import {
  conditionCombinations,
  describeConditions,
  resolveConditions,
} from '../flow/conditions.js';
import type { Flow } from '../flow/types.js';
import { compile } from '../machine/compile.js';
import {
  type CallerEvent,
  callerEventsAt,
  inputForEvent,
  isCompleteCallerEvent,
} from '../machine/events.js';

/** How a test reaches your IVR. Each method may be async. */
export interface IvrAdapter {
  /** Start a new call with these condition values. */
  start(conditions: Readonly<Record<string, string>>): unknown;
  /** The caller does something: presses a key, says a phrase, enters a value, stays silent. */
  send(event: CallerEvent): unknown;
  /** What the IVR is saying now (the latest prompt, or everything said since the last input). */
  prompt(): string | Promise<string>;
  /**
   * Where the call stands now, if your IVR can tell: when given, each step checks it too, so an
   * IVR that puts the caller through, or hangs up, where the flow does not is caught.
   */
  standing?(): Standing | Promise<Standing>;
  /** End the call, if your IVR needs it. */
  stop?(): unknown;
}

/** Where a call stands: waiting for the caller, at a person, transferred to another line, or ended. */
export type Standing = 'listening' | 'person' | 'transfer' | 'ended';

/** Where a flow's call stands, in the words an adapter can answer in. */
export function standingOf(call: Call): Standing {
  const outcome = call.outcome();
  if (!outcome) return 'listening';
  return outcome.kind === 'human' ? 'person' : outcome.kind === 'transfer' ? 'transfer' : 'ended';
}

export interface FlowPathStep {
  /** The input, as `expect` entries write it. */
  readonly input: string;
  readonly event: CallerEvent;
  /** The node the flow is at after the input. */
  readonly node: string;
  /** What the flow says there, if anything. */
  readonly prompt?: string;
  /** Caller steps taken so far. */
  readonly steps: number;
  readonly standing: Standing;
}

export interface FlowPath {
  readonly description: string;
  readonly conditions: Readonly<Record<string, string>>;
  readonly start: { readonly node: string; readonly prompt?: string; readonly standing: Standing };
  readonly steps: readonly FlowPathStep[];
  /** Drives the adapter along the path; throws at the first step where the IVR deviates. */
  test(adapter: IvrAdapter): Promise<void>;
}

export interface FlowPathOptions {
  /**
   * Also simple paths (no state twice), up to `maxPaths` in all. Their number grows
   * exponentially with loops, so they are generated only for machines of at most
   * `maxStatesForSimplePaths` states (default 8).
   */
  readonly simplePaths?: boolean;
  readonly maxStatesForSimplePaths?: number;
  /** At most this many paths per combination of conditions (default 200). */
  readonly maxPaths?: number;
  /** Leave out events your IVR cannot take, e.g. `invalid` at a free-text input. */
  readonly filterEvents?: (node: string, event: CallerEvent) => boolean;
  /**
   * Only these condition values (default: every combination while there are at most 64, else
   * the values read on the shortest way to each state of the analysis' search).
   */
  readonly conditions?: readonly Readonly<Record<string, string>>[];
}

/** Thrown when an IVR does not say what its flow says, or does not go where it goes. */
export class DeviationError extends Error {
  override name = 'DeviationError';
  /** The path's steps taken when the IVR deviated: 0 at the start. */
  readonly step: number;
  constructor(message: string, step = 0) {
    super(message);
    this.step = step;
  }
}

/** Where a call stands, as a sentence's end: "the IVR ends the call". */
export const STANDING_WORDS: Readonly<Record<Standing, string>> = {
  listening: 'waits for the caller',
  person: 'puts the caller through to a person',
  transfer: 'transfers the call to another line',
  ended: 'ends the call',
};

/** Text as prompts are compared: runs of white space as one space. */
export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * How an IVR differs from its flow after a step, if it does: it did not say the flow's prompt
 * (among what it said since the input), or it stands elsewhere. One rule for every adapter.
 */
export function deviationOf(
  expected: { readonly prompt?: string; readonly standing: Standing },
  said: string,
  stands: Standing | undefined,
): 'prompt' | 'standing' | undefined {
  if (expected.prompt !== undefined && !normalise(said).includes(normalise(expected.prompt)))
    return 'prompt';
  if (stands !== undefined && stands !== expected.standing) return 'standing';
  return undefined;
}

/** The generated paths through a flow, each ready to run against an IVR. */
export function flowPaths(flow: Flow, options: FlowPathOptions = {}): FlowPath[] {
  const machine = compile(flow);
  const maxPaths = options.maxPaths ?? 200;
  return (options.conditions ?? conditionsToCover(flow)).flatMap((conditions) => {
    const model = createTestModel(machine, {
      input: { conditions },
      events: (snapshot) => callerEventsAt(flow.nodes.get(String(snapshot.value))),
    });
    const traversal = {
      limit: 50_000,
      filterEvents: (snapshot: { value: unknown }, event: { type: string }) =>
        isCompleteCallerEvent(event) &&
        (options.filterEvents?.(String(snapshot.value), event as CallerEvent) ?? true),
    };
    const shortest = model.getShortestPaths(traversal);
    const small = shortest.length <= (options.maxStatesForSimplePaths ?? 8);
    const generated = [
      ...shortest,
      ...(options.simplePaths && small ? model.getSimplePaths(traversal) : []),
    ];
    const seen = new Set<string>();
    const paths: FlowPath[] = [];
    for (const path of generated) {
      const events = path.steps.slice(1).map((step) => step.event as CallerEvent);
      const key = JSON.stringify(events);
      if (seen.has(key) || paths.length >= maxPaths) continue;
      seen.add(key);
      const start = String(path.steps[0]?.state.value ?? flow.start);
      // What the caller hears last at each step, say nodes passed on the way included.
      const call = new Call(flow, conditions);
      const lastHeard = () => call.transcript.at(-1)?.heard.at(-1)?.prompt;
      const startPrompt = lastHeard();
      const startStanding = standingOf(call);
      const steps = path.steps.slice(1).map((step, i): FlowPathStep => {
        const event = step.event as CallerEvent;
        call.send(event);
        const prompt = lastHeard();
        return {
          input: inputForEvent(event),
          event,
          node: String(step.state.value),
          steps: i + 1,
          standing: standingOf(call),
          ...(prompt ? { prompt } : {}),
        };
      });
      const where = Object.keys(conditions).length ? `${describeConditions(conditions)}: ` : '';
      paths.push({
        description: `${where}${steps.length === 0 ? `start at ${start}` : steps.map((step) => `${step.input} → ${step.node}`).join(', ')}`,
        conditions,
        start: {
          node: start,
          standing: startStanding,
          ...(startPrompt ? { prompt: startPrompt } : {}),
        },
        steps,
        test: (adapter) =>
          runPath(
            adapter,
            conditions,
            { node: start, standing: startStanding, prompt: startPrompt },
            steps,
          ),
      });
    }
    return paths;
  });
}

const MOST_COMBINATIONS = 64;

/**
 * The condition values to generate paths under: all combinations while few; beyond, one per state
 * the analysis reaches (the values its shortest way reads, the others their first), so every
 * node and branch a call can meet is met without 2^N runs of the model.
 */
export function conditionsToCover(flow: Flow): Record<string, string>[] {
  const total = Object.values(flow.conditions).reduce(
    (product, values) => product * values.length,
    1,
  );
  if (total <= MOST_COMBINATIONS) return conditionCombinations(flow);
  const facts = factsOf(flow);
  const found = new Map<string, Record<string, string>>();
  facts.live.points.forEach((_, state) => {
    const values = resolveConditions(flow, wayTo(facts.steps, state).given);
    found.set(describeConditions(values), values);
  });
  return [...found.values()];
}

async function runPath(
  adapter: IvrAdapter,
  conditions: Readonly<Record<string, string>>,
  start: { node: string; standing: Standing; prompt: string | undefined },
  steps: readonly FlowPathStep[],
): Promise<void> {
  const expectSaid = async (
    { node, prompt, standing }: { node: string; prompt?: string | undefined; standing: Standing },
    after: string,
    step: number,
  ) => {
    const said = normalise(await adapter.prompt());
    const stands = await adapter.standing?.();
    const differs = deviationOf(
      { standing, ...(prompt !== undefined ? { prompt } : {}) },
      said,
      stands,
    );
    if (differs === 'prompt')
      throw new DeviationError(
        `${after}, the flow is at ${node} and says "${prompt}", but the IVR said "${said}".`,
        step,
      );
    if (differs === 'standing')
      throw new DeviationError(
        `${after}, the flow is at ${node} and ${STANDING_WORDS[standing]}, but the IVR ${STANDING_WORDS[stands as Standing]}.`,
        step,
      );
  };
  await adapter.start(conditions);
  try {
    await expectSaid(start, 'At the start', 0);
    const done: string[] = [];
    for (const [index, step] of steps.entries()) {
      await adapter.send(step.event);
      done.push(step.input);
      await expectSaid(step, `After ${done.join(', ')}`, index + 1);
    }
  } finally {
    await adapter.stop?.();
  }
}
