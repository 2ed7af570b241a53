/**
 * Compiles a Flow into the XState machine that is the reference model of a call. Each node is a
 * state; `say` and `branch` nodes pass on by themselves (eventless transitions), so every event
 * the machine takes is one caller step. Timeouts are the caller's `silence` event, never delays:
 * `xstate/graph` must be able to walk the machine.
 */
import { assign, setup } from 'xstate';
import { resolveConditions } from '../flow/conditions.js';
import type { Flow, FlowNode, Handler, InputNode, ListeningNode, MenuNode } from '../flow/types.js';
import { acceptsValue, type CallerEvent, optionChosen, valueGiven } from './events.js';
import { DISCONNECTED, HUNG_UP, type StateMeta } from './states.js';

export interface CallContext {
  /** The value of every condition for this call. */
  readonly conditions: Readonly<Record<string, string>>;
  /** Values the caller entered at `input` nodes, by their `collect` name. */
  readonly collected: Readonly<Record<string, string>>;
  /** Failed attempts of each kind at the current node; both start again on entering a node. */
  readonly noMatchCount: number;
  readonly noInputCount: number;
  /** Why the system disconnected the caller, when it did. */
  readonly disconnected?: { readonly node: string; readonly because: 'noMatch' | 'noInput' };
}

export interface CallInput {
  /** Condition values; a condition not given takes its first declared value. */
  readonly conditions?: Readonly<Record<string, string>>;
}

type Kind = 'noMatch' | 'noInput';
// XState's config types cannot follow a machine built from data; the shapes are checked by tests.
// biome-ignore lint/suspicious/noExplicitAny: see above
type StateConfig = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
type Transition = Record<string, any>;

const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallerEvent,
    input: {} as CallInput | undefined,
  },
  actions: {
    startCounting: assign({ noMatchCount: 0, noInputCount: 0 }),
  },
});

/** Builds the machine of a flow. Its `input` gives the conditions (`{ conditions: {...} }`). */
export function compile(flow: Flow) {
  const states: StateConfig = {};
  for (const node of flow.nodes.values()) states[node.id] = stateFor(node);
  states[DISCONNECTED] = {
    type: 'final',
    entry: 'startCounting',
    meta: { nodeId: DISCONNECTED, type: 'disconnected' } satisfies StateMeta,
  };
  states[HUNG_UP] = {
    type: 'final',
    entry: 'startCounting',
    meta: { nodeId: HUNG_UP, type: 'abandoned' } satisfies StateMeta,
  };

  return callSetup.createMachine({
    id: flow.id,
    initial: flow.start,
    context: ({ input }) => ({
      conditions: resolveConditions(flow, input?.conditions ?? {}),
      collected: {},
      noMatchCount: 0,
      noInputCount: 0,
    }),
    states,
  });
}

export type CallMachine = ReturnType<typeof compile>;

function metaOf(node: FlowNode): StateMeta {
  return {
    nodeId: node.id,
    type: node.type,
    ...('prompt' in node && node.prompt !== undefined ? { prompt: node.prompt } : {}),
    line: node.at.line,
    column: node.at.column,
  };
}

function stateFor(node: FlowNode): StateConfig {
  const meta = metaOf(node);
  switch (node.type) {
    case 'say':
      return { meta, always: { target: node.next } };
    case 'branch': {
      const value = (context: CallContext) => context.conditions[node.condition];
      const cases = Object.entries(node.cases).map(([wanted, target]) => ({
        guard: ({ context }: { context: CallContext }) => value(context) === wanted,
        target,
      }));
      return { meta, always: node.default ? [...cases, { target: node.default }] : cases };
    }
    case 'agent':
    case 'transfer':
    case 'hangup':
      // Counts are cleared on every resting state, so that end states do not differ by them.
      return { type: 'final', entry: 'startCounting', meta };
    case 'menu':
      return { meta, entry: 'startCounting', on: menuTransitions(node) };
    case 'input':
      return { meta, entry: 'startCounting', on: inputTransitions(node) };
  }
}

/** Entering a node by a `next`, an option or a `then` starts its counts again, itself included. */
function enter(target: string): Transition {
  return { target, reenter: true };
}

function menuTransitions(node: MenuNode): Record<CallerEvent['type'], Transition[]> {
  const byOption = node.options.map((option) => ({
    guard: ({ event }: { event: CallerEvent }) => optionChosen(node, event) === option,
    ...(option.to !== undefined ? enter(option.to) : {}),
  }));
  return {
    press: [...byOption, ...failed(node, 'noMatch')],
    say: [...byOption, ...failed(node, 'noMatch')],
    enter: failed(node, 'noMatch'),
    invalid: failed(node, 'noMatch'),
    silence: failed(node, 'noInput'),
    hangUp: [{ target: HUNG_UP }],
  };
}

function inputTransitions(node: InputNode): Record<CallerEvent['type'], Transition[]> {
  const accepted = {
    guard: ({ event }: { event: CallerEvent }) => {
      const value = valueGiven(event);
      return value !== undefined && acceptsValue(node, value);
    },
    ...enter(node.next),
    ...(node.collect
      ? {
          actions: assign({
            collected: ({ context, event }: { context: CallContext; event: CallerEvent }) => ({
              ...context.collected,
              [node.collect as string]: valueGiven(event) ?? '',
            }),
          }),
        }
      : {}),
  };
  return {
    enter: [accepted, ...failed(node, 'noMatch')],
    press: [accepted, ...failed(node, 'noMatch')],
    say: [accepted, ...failed(node, 'noMatch')],
    invalid: failed(node, 'noMatch'),
    silence: failed(node, 'noInput'),
    hangUp: [{ target: HUNG_UP }],
  };
}

/**
 * A failed attempt: reprompt, or after `tries` of this kind go to `then`, or disconnect. With
 * unlimited tries the count is not kept, so that an endless reprompt is one state, not infinitely many.
 */
function failed(node: ListeningNode, kind: Kind): Transition[] {
  const handler: Handler = node[kind];
  const count = kind === 'noMatch' ? 'noMatchCount' : 'noInputCount';
  if (!Number.isFinite(handler.tries)) return [{}];
  const runsOut = ({ context }: { context: CallContext }) => context[count] + 1 >= handler.tries;
  const out: Transition =
    handler.then !== undefined
      ? { guard: runsOut, ...enter(handler.then) }
      : {
          guard: runsOut,
          target: DISCONNECTED,
          actions: assign({ disconnected: { node: node.id, because: kind } }),
        };
  return [
    out,
    { actions: assign({ [count]: ({ context }: { context: CallContext }) => context[count] + 1 }) },
  ];
}
