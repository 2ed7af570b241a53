/**
 * Compiles a Flow into the XState machine that is the reference model of a call. Each node is a
 * state; `say` and `branch` nodes pass on by themselves (eventless transitions), so every event
 * the machine takes is one caller step. Timeouts are the caller's `silence` event, never delays:
 * `xstate/graph` must be able to walk the machine.
 */
import { assign, setup } from 'xstate';
import { type CallerEvent, valueGiven } from '../call/events.js';
import { type Decision, decide } from '../call/step.js';
import { resolveConditions } from '../flow/conditions.js';
import type { Flow, FlowNode, InputNode, ListeningNode } from '../flow/types.js';
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
    case 'input':
      return { meta, entry: 'startCounting', on: listening(node) };
  }
}

/** Entering a node by a `next`, an option or a `then` starts its counts again, itself included. */
function enter(target: string): Transition {
  return { target, reenter: true };
}

type Guard = (args: { context: CallContext; event: CallerEvent }) => boolean;

/** A guard on what `decide` (src/call/step.ts) makes of the event: the one place a call's way is decided. */
function when(node: ListeningNode, test: (decision: Decision) => boolean): Guard {
  return ({ context, event }) => test(decide(node, context, event));
}

/**
 * Every way an event can go at a menu or an input node, each guarded by `decide`: an option, a
 * value taken, a handler's `then`, a disconnect, a reprompt that counts the try, hanging up.
 */
function listening(node: ListeningNode): Record<CallerEvent['type'], Transition[]> {
  const transitions: Transition[] = [
    { guard: when(node, (d) => d.kind === 'hangUp'), target: HUNG_UP },
  ];
  if (node.type === 'menu') {
    node.options.forEach((option, index) => {
      transitions.push({
        guard: when(node, (d) => d.kind === 'option' && d.option === index),
        ...(option.to !== undefined ? enter(option.to) : {}),
      });
    });
  } else {
    transitions.push({
      guard: when(node, (d) => d.kind === 'value'),
      ...enter(node.next),
      ...(node.collect ? { actions: collect(node) } : {}),
    });
  }
  for (const because of ['noMatch', 'noInput'] as const) {
    const handler = node[because];
    const failed = (then: string) =>
      when(node, (d) => d.kind === 'failed' && d.because === because && d.then === then);
    if (handler.then !== undefined)
      transitions.push({ guard: failed('move'), ...enter(handler.then) });
    else {
      transitions.push({
        guard: failed('disconnect'),
        target: DISCONNECTED,
        actions: assign({ disconnected: { node: node.id, because } }),
      });
    }
    // With unlimited tries the count is not kept, so an endless reprompt is one state, not infinitely many.
    const count = because === 'noMatch' ? 'noMatchCount' : 'noInputCount';
    transitions.push({
      guard: failed('reprompt'),
      ...(Number.isFinite(handler.tries)
        ? {
            actions: assign({
              [count]: ({ context }: { context: CallContext }) => context[count] + 1,
            }),
          }
        : {}),
    });
  }
  return {
    press: transitions,
    say: transitions,
    enter: transitions,
    invalid: transitions,
    silence: transitions,
    hangUp: transitions,
  };
}

/** Keeps the value an input node collects. */
function collect(node: InputNode) {
  return assign({
    collected: ({ context, event }: { context: CallContext; event: CallerEvent }) => ({
      ...context.collected,
      [node.collect as string]: valueGiven(event) ?? '',
    }),
  });
}
