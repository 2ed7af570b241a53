/**
 * How a call moves, written once: what a caller's event does at the node the call stands at (a
 * key, a phrase, a value, a silence), the tries counted, where the call goes, and the clock. The
 * compiled machine's guards and actions, `Call` (the walker, `test`), the simulator and the
 * analysis' seconds all take their answers from here.
 */
import { DISCONNECTED, HUNG_UP } from '../flow/ends.js';
import type { Flow, FlowNode, ListeningNode } from '../flow/types.js';
import { acceptsValue, type CallerEvent, optionChosen, valueGiven } from './events.js';

/** What became of one input. */
export type InputEffect = 'option' | 'repeat' | 'value' | 'noMatch' | 'noInput' | 'hangUp';

/** Failed attempts of each kind at the node the call stands at; both start again on entering a node. */
export interface Counts {
  readonly noMatchCount: number;
  readonly noInputCount: number;
}

/** What an event does at a menu or an input node. */
export type Decision =
  /** An option was chosen; without `to` it repeats the menu. */
  | { readonly kind: 'option'; readonly option: number; readonly to?: string }
  /** A value the input node accepts. */
  | { readonly kind: 'value'; readonly value: string; readonly to: string }
  /**
   * A failed attempt: the node prompts again (`reprompt`), or its tries ran out and the call
   * goes to the handler's `then` (`move`) or is disconnected.
   */
  | {
      readonly kind: 'failed';
      readonly because: 'noMatch' | 'noInput';
      readonly then: 'reprompt' | 'move' | 'disconnect';
      readonly to?: string;
    }
  | { readonly kind: 'hangUp' };

export function decide(node: ListeningNode, counts: Counts, event: CallerEvent): Decision {
  if (event.type === 'hangUp') return { kind: 'hangUp' };
  if (event.type !== 'silence') {
    if (node.type === 'menu') {
      const option = optionChosen(node, event);
      if (option) {
        const index = node.options.indexOf(option);
        return option.to === undefined
          ? { kind: 'option', option: index }
          : { kind: 'option', option: index, to: option.to };
      }
    } else {
      const value = valueGiven(event);
      if (value !== undefined && acceptsValue(node, value)) {
        return { kind: 'value', value, to: node.next };
      }
    }
  }
  const because = event.type === 'silence' ? 'noInput' : 'noMatch';
  const handler = node[because];
  const count = because === 'noMatch' ? counts.noMatchCount : counts.noInputCount;
  // Unlimited tries never run out: the count is not even kept.
  if (!Number.isFinite(handler.tries) || count + 1 < handler.tries) {
    return { kind: 'failed', because, then: 'reprompt' };
  }
  return handler.then !== undefined
    ? { kind: 'failed', because, then: 'move', to: handler.then }
    : { kind: 'failed', because, then: 'disconnect' };
}

/** Seconds a node's prompt plays when the call enters it: none for a branch, and an agent's time is the queue's. */
export function enterSeconds(node: FlowNode): number {
  return node.type === 'branch' || node.type === 'agent' ? 0 : node.promptSeconds;
}

/** Seconds one failed attempt takes before the next: the timeout for a silence, then the handler's prompt. */
export function attemptSeconds(node: ListeningNode, because: 'noMatch' | 'noInput'): number {
  return (because === 'noInput' ? node.timeoutSeconds : 0) + node[because].promptSeconds;
}

/** Where a call stands between two of the caller's inputs. */
export interface CallState extends Counts {
  /** A node id, or DISCONNECTED / HUNG_UP. */
  readonly node: string;
  /** Values the caller entered at `input` nodes, by their `collect` name. */
  readonly collected: Readonly<Record<string, string>>;
  /** Why the system disconnected the caller, when it did. */
  readonly disconnected?: { readonly node: string; readonly because: 'noMatch' | 'noInput' };
  readonly steps: number;
  /** Time in the menus: prompts, timeouts, handlers' prompts; not the queue. */
  readonly seconds: number;
  /** How often the caller was not understood (no-match). */
  readonly notUnderstood: number;
}

export interface Heard {
  readonly node: string;
  readonly prompt: string;
}

export interface Step {
  readonly state: CallState;
  /** Undefined for the call's start, and for an input after the call has ended. */
  readonly effect?: InputEffect;
  /** The option chosen, by its index in the menu. */
  readonly option?: number;
  /** Prompts played, in order. */
  readonly heard: readonly Heard[];
  /** Nodes the call entered or played again, in order, say and branch nodes included. */
  readonly entered: readonly string[];
}

/** What a step did, for the state and transcript it leaves. */
interface How {
  readonly effect: InputEffect;
  /** State it changes besides where the call stands: values collected, counts, no-matches. */
  readonly extra?: Partial<CallState>;
  /** Prompts played before the nodes entered: a handler's. */
  readonly before?: readonly Heard[];
  /** Seconds before the nodes entered: a timeout, a handler's prompt. */
  readonly seconds?: number;
  readonly option?: number;
}

/** Whether a call at this node has ended: with a person, a transfer, a hang-up or a disconnect. */
export function hasEnded(flow: Flow, node: string): boolean {
  if (node === DISCONNECTED || node === HUNG_UP) return true;
  const type = flow.nodes.get(node)?.type;
  return type === 'agent' || type === 'transfer' || type === 'hangup';
}

/**
 * The nodes a call enters from `id` on: say nodes pass to their `next`, branches to the case of
 * the condition's value, until a node that waits for the caller or ends the call (or a branch
 * with no way for this value, where the call stays).
 */
function passFrom(flow: Flow, conditions: Readonly<Record<string, string>>, id: string): string[] {
  const entered: string[] = [];
  let at: string | undefined = id;
  // Silent loops are refused by the validator; the bound keeps a bug from hanging a walk.
  while (at !== undefined && entered.length <= flow.nodes.size) {
    entered.push(at);
    const node = flow.nodes.get(at);
    if (node?.type === 'say') at = node.next;
    else if (node?.type === 'branch') {
      const value = conditions[node.condition];
      at = (value !== undefined ? node.cases[value] : undefined) ?? node.default;
    } else at = undefined;
  }
  return entered;
}

/** The prompts the entered nodes play, and their seconds. */
function play(flow: Flow, ids: readonly string[]): { heard: Heard[]; seconds: number } {
  const heard: Heard[] = [];
  let seconds = 0;
  for (const id of ids) {
    const node = flow.nodes.get(id);
    if (!node) continue;
    seconds += enterSeconds(node);
    if (node.type !== 'branch' && node.prompt) heard.push({ node: id, prompt: node.prompt });
  }
  return { heard, seconds };
}

/** A call starting: the start node entered, and every say and branch node after it passed. */
export function startCall(flow: Flow, conditions: Readonly<Record<string, string>>): Step {
  const entered = passFrom(flow, conditions, flow.start);
  const played = play(flow, entered);
  return {
    state: {
      node: entered.at(-1) ?? flow.start,
      noMatchCount: 0,
      noInputCount: 0,
      collected: {},
      steps: 0,
      seconds: played.seconds,
      notUnderstood: 0,
    },
    heard: played.heard,
    entered,
  };
}

/** One event of the caller's, as the call takes it. Pure: the state given is left as it was. */
export function step(
  flow: Flow,
  conditions: Readonly<Record<string, string>>,
  state: CallState,
  event: CallerEvent,
): Step {
  const node = flow.nodes.get(state.node);
  if (hasEnded(flow, state.node) || (node?.type !== 'menu' && node?.type !== 'input')) {
    return { state, heard: [], entered: [] };
  }
  const decision = decide(node, state, event);
  if (decision.kind === 'hangUp') {
    return {
      state: { ...state, node: HUNG_UP, noMatchCount: 0, noInputCount: 0 },
      effect: 'hangUp',
      heard: [],
      entered: [],
    };
  }
  const taken = { ...state, steps: state.steps + 1 };
  /** The step's result once the entered nodes have played (after what the attempt played first). */
  const result = (entered: readonly string[], how: How, moved: Partial<CallState>): Step => {
    const played = play(flow, entered);
    return {
      state: {
        ...taken,
        ...how.extra,
        ...moved,
        seconds: taken.seconds + (how.seconds ?? 0) + played.seconds,
      },
      effect: how.effect,
      ...(how.option !== undefined ? { option: how.option } : {}),
      heard: [...(how.before ?? []), ...played.heard],
      entered,
    };
  };
  // Entering a node by a `next`, an option or a `then` starts its counts again, itself included.
  const moveTo = (to: string, how: How): Step => {
    const entered = passFrom(flow, conditions, to);
    return result(entered, how, { node: entered.at(-1) ?? to, noMatchCount: 0, noInputCount: 0 });
  };
  const again = (how: How): Step => result([node.id], how, {});
  switch (decision.kind) {
    case 'option':
      return decision.to === undefined
        ? again({ effect: 'repeat', option: decision.option })
        : moveTo(decision.to, { effect: 'option', option: decision.option });
    case 'value': {
      const collect = node.type === 'input' ? node.collect : undefined;
      const collected = collect
        ? { ...state.collected, [collect]: decision.value }
        : state.collected;
      return moveTo(decision.to, { effect: 'value', extra: { collected } });
    }
    case 'failed': {
      const { because } = decision;
      const handler = node[because];
      const heard = handler.prompt ? [{ node: node.id, prompt: handler.prompt }] : [];
      const seconds = attemptSeconds(node, because);
      const notUnderstood = taken.notUnderstood + (because === 'noMatch' ? 1 : 0);
      if (decision.then === 'move') {
        const how = { effect: because, extra: { notUnderstood }, before: heard, seconds };
        return moveTo(decision.to as string, how);
      }
      if (decision.then === 'disconnect') {
        return {
          state: {
            ...taken,
            node: DISCONNECTED,
            noMatchCount: 0,
            noInputCount: 0,
            notUnderstood,
            seconds: taken.seconds + seconds,
            disconnected: { node: node.id, because },
          },
          effect: because,
          heard,
          entered: [],
        };
      }
      const count = because === 'noMatch' ? 'noMatchCount' : 'noInputCount';
      const counted = Number.isFinite(handler.tries) ? { [count]: state[count] + 1 } : {};
      return again({
        effect: because,
        extra: { ...counted, notUnderstood },
        before: heard,
        seconds,
      });
    }
  }
}
