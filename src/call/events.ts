/** What a caller can do on a call, as machine events. */
import { type CallerInput, formatCallerInput, normalisePhrase } from '../flow/caller-input.js';
import type { FlowNode, InputNode, MenuNode, MenuOption } from '../flow/types.js';

export type CallerEvent =
  /** Pressed a key, or a whole dial-by-extension entry such as "1234". */
  | { readonly type: 'press'; readonly key: string }
  /** Said a phrase. */
  | { readonly type: 'say'; readonly phrase: string }
  /** Entered a whole value at an input node. */
  | { readonly type: 'enter'; readonly value: string }
  /** Pressed or said something the platform could not make sense of. */
  | { readonly type: 'invalid' }
  /** Said nothing until the timeout. */
  | { readonly type: 'silence' }
  /** Put the phone down. */
  | { readonly type: 'hangUp' };

export type CallerEventType = CallerEvent['type'];

/** The machine event for a written input (`1`, `say: billing`, `silence`, ...). */
export function eventForInput(input: CallerInput): CallerEvent {
  switch (input.kind) {
    case 'key':
      return { type: 'press', key: input.key };
    case 'say':
      return { type: 'say', phrase: input.phrase };
    case 'value':
      return { type: 'enter', value: input.value };
    case 'silence':
      return { type: 'silence' };
    case 'invalid':
      return { type: 'invalid' };
  }
}

/** The written input an event stands for: `eventForInput` the other way. */
export function callerInputOf(event: CallerEvent): CallerInput | undefined {
  switch (event.type) {
    case 'press':
      return { kind: 'key', key: event.key };
    case 'say':
      return { kind: 'say', phrase: event.phrase };
    case 'enter':
      return { kind: 'value', value: event.value };
    case 'silence':
    case 'invalid':
      return { kind: event.type };
    case 'hangUp':
      return undefined;
  }
}

/** The input as reports and `expect` entries write it, in the words `formatCallerInput` has. */
export function inputForEvent(event: CallerEvent): string {
  const input = callerInputOf(event);
  return input ? formatCallerInput(input) : event.type;
}

/** Whether an utterance names a phrase: equal to it, or holding it as whole words. */
export function saysPhrase(utterance: string, phrase: string): boolean {
  if (typeof utterance !== 'string') return false;
  const said = ` ${normalisePhrase(utterance)} `;
  const wanted = normalisePhrase(phrase);
  return wanted !== '' && said.includes(` ${wanted} `);
}

/** The menu option a press or a phrase chooses, if any: the one decision the machine and the walker share. */
export function optionChosen(node: MenuNode, event: CallerEvent): MenuOption | undefined {
  if (event.type === 'press') return node.options.find((option) => option.key === event.key);
  if (event.type === 'say')
    return node.options.find((option) =>
      option.say.some((phrase) => saysPhrase(event.phrase, phrase)),
    );
  return undefined;
}

/** The value an event gives at an input node: a value entered, a key pressed, or a phrase said. */
export function valueGiven(event: CallerEvent): string | undefined {
  if (event.type === 'enter') return event.value;
  if (event.type === 'press') return event.key;
  if (event.type === 'say') return event.phrase;
  return undefined;
}

/** Whether a value is one the input node takes: digits of the right length, when it asks for digits. */
export function acceptsValue(node: InputNode, value: string): boolean {
  if (!node.digits) return value.trim() !== '';
  return /^\d+$/.test(value) && value.length >= node.digits.min && value.length <= node.digits.max;
}

/**
 * Whether an event carries what its type needs (a key, a phrase, a value). `xstate/graph` adds
 * bare `{ type }` events for every type a state handles; generated paths leave those out, and
 * hanging up, which only ever ends the call.
 */
export function isCompleteCallerEvent(given: { readonly type: string }): boolean {
  const event = given as { readonly type: string; readonly [key: string]: unknown };
  switch (event.type) {
    case 'press':
      return typeof event.key === 'string';
    case 'say':
      return typeof event.phrase === 'string';
    case 'enter':
      return typeof event.value === 'string';
    case 'hangUp':
      return false;
    default:
      return true;
  }
}

/** A value the node accepts, for generated paths: the shortest digits it takes, or a word. */
export function sampleValue(node: Extract<FlowNode, { type: 'input' }>): string {
  return node.digits ? '1'.repeat(node.digits.min) : 'sample';
}

/**
 * One event per distinct thing a caller can do at a node, for path generation: each option
 * (by key, or by its first phrase when it has no key), a valid value, an invalid input and
 * silence. Hanging up is left out unless asked for: it only ever ends the call.
 */
export function callerEventsAt(
  node: FlowNode | undefined,
  options: { hangUp?: boolean } = {},
): CallerEvent[] {
  if (!node || (node.type !== 'menu' && node.type !== 'input')) return [];
  const events: CallerEvent[] =
    node.type === 'menu'
      ? node.options.map((option) =>
          option.key !== undefined
            ? { type: 'press', key: option.key }
            : { type: 'say', phrase: option.say[0] ?? '' },
        )
      : [{ type: 'enter', value: sampleValue(node) }];
  events.push({ type: 'invalid' }, { type: 'silence' });
  if (options.hangUp) events.push({ type: 'hangUp' });
  return events;
}
