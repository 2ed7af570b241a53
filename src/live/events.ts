/** A caller's events as the provider sends them to an app, and where the app's call stands in the flow's words. */
import type { CallerEvent } from '../call/events.js';
import { matchesPattern } from '../flow/humans.js';
import type { FlowNode } from '../flow/types.js';
import type { Standing } from '../testing/model.js';
import { NONSENSE } from './inputs.js';
import type { LiveInput, Where } from './live-call.js';
import type { Gather } from './twiml.js';

/** Keys tried, in order, for an input the flow's node does not take. */
const WRONG_KEYS = ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0', '*'];

/**
 * What the caller does, as the request says it. An `invalid` input is one the flow's node does
 * not take: a key no option has, a value too long, or nonsense to a speech-only `<Gather>`.
 */
export function liveInputFor(
  event: CallerEvent,
  gather: Gather | undefined,
  node: FlowNode | undefined,
): LiveInput {
  switch (event.type) {
    case 'press':
      // The finishing key alone ends the entry with no digits, as the provider sends it.
      return { kind: 'digits', digits: event.key === gather?.finishOnKey ? '' : event.key };
    case 'say':
      return { kind: 'speech', text: event.phrase };
    case 'enter':
      return /^\d+$/.test(event.value)
        ? { kind: 'digits', digits: event.value }
        : { kind: 'speech', text: event.value };
    case 'invalid': {
      if (gather && !gather.input.dtmf) return { kind: 'speech', text: NONSENSE };
      if (node?.type === 'input')
        return { kind: 'digits', digits: '9'.repeat((node.digits?.max ?? 0) + 1) };
      const taken = new Set(node?.type === 'menu' ? node.options.map((option) => option.key) : []);
      return { kind: 'digits', digits: WRONG_KEYS.find((key) => !taken.has(key)) ?? '*' };
    }
    default:
      return { kind: 'silence' };
  }
}

/** Whether a `<Dial>` or `<Enqueue>` target is a transfer to another line rather than a person. */
export function isTransfer(target: string, patterns: readonly string[]): boolean {
  return matchesPattern(patterns, target);
}

/** Where the app's call stands, as a flow's call would: a target that is a transfer is one. */
export function standingAt(where: Where | undefined, transfers: readonly string[]): Standing {
  if (!where || where.kind === 'listening') return 'listening';
  if (where.kind === 'person') return isTransfer(where.target, transfers) ? 'transfer' : 'person';
  return where.kind === 'elsewhere' ? 'transfer' : 'ended';
}

export function describeLiveInput(input: LiveInput): string {
  if (input.kind === 'digits') return input.digits === '' ? 'pressed #' : `pressed ${input.digits}`;
  if (input.kind === 'speech') return `said "${input.text}"`;
  return 'waited';
}

/** Where the app's call went, in words: `waits at a <Gather>`, `<Enqueue> billing`. */
export function describeWhere(where: Where): string {
  switch (where.kind) {
    case 'listening':
      return 'waits at a <Gather>';
    case 'person':
      return `<${where.verb}> ${where.target}`;
    case 'ended':
      return where.by === 'end' ? 'nothing left: the call ends' : `<${where.by}>`;
    case 'error':
      return `application error: ${where.reason}`;
    case 'elsewhere':
      return `goes to another host: ${where.request.url}`;
  }
}
