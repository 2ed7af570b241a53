/** What Studio widgets say and count, read from their properties, and which kind each type is. */
import type { StudioWidget } from './studio-read.js';

/** Widgets that decide by an outcome the caller does not steer: each event a condition value. */
export const OUTSIDE = new Set([
  'run-function',
  'make-http-request',
  'add-twiml-redirect',
  'run-subflow',
  'connect-virtual-agent',
  'connect-virtual-agent-v2',
  'run-conversation-relay',
]);
/** Widgets that do their work and go on: the call passes through them. */
export const PASS = new Set([
  'set-variables',
  'send-message',
  'record-call',
  'fork-stream',
  'make-outgoing-call-v2',
]);

/** A gather's input as a split reads it: `{{widgets.menu.Digits}}`. */
export function readsGather(
  split: StudioWidget | undefined,
  gather: string,
): 'Digits' | 'SpeechResult' | undefined {
  if (split?.type !== 'split-based-on') return undefined;
  const input = String(split.properties?.input ?? '');
  const match = new RegExp(
    `widgets\\.${gather.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(Digits|SpeechResult)`,
  ).exec(input);
  return match?.[1] as 'Digits' | 'SpeechResult' | undefined;
}

/** The words a widget says: `say`, or the recording it plays. */
export function promptOf(properties: Record<string, unknown>): string | undefined {
  if (typeof properties.say === 'string' && properties.say.trim()) return properties.say.trim();
  if (typeof properties.play === 'string' && properties.play.trim())
    return `(plays ${properties.play.split('/').at(-1)})`;
  return undefined;
}

/** The keys or phrases a split condition takes: `equal_to 1`, `matches_any_of 1,2`. */
export function choicesOf(type: string | undefined, value: string | undefined): string[] {
  if (value === undefined) return [];
  if (type === 'equal_to' || type === 'contains' || type === 'starts_with')
    return [value.trim()].filter(Boolean);
  if (type === 'matches_any_of')
    return value
      .split(',')
      .map((one) => one.trim())
      .filter(Boolean);
  return [];
}

/** The variable a `set-variables` adds one to: `{{flow.variables.tries | plus: 1}}`. */
export function counterOf(widget: StudioWidget): string | undefined {
  const variables = (widget.properties?.variables ?? []) as { key?: string; value?: string }[];
  return variables.find((v) => /\|\s*plus:\s*1\b/.test(String(v.value)))?.key;
}

/** The tries a split on the counter allows: past `greater_than N` after N+1 attempts, at `equal_to N` after N. */
export function boundOf(
  split: StudioWidget,
  counter: string,
  gather: string,
): { tries: number; then: string } | undefined {
  if (split.type !== 'split-based-on' || !String(split.properties?.input ?? '').includes(counter))
    return undefined;
  const back = split.transitions?.find((t) => t.event === 'noMatch')?.next;
  const out = split.transitions?.find((t) => t.event === 'match');
  const condition = out?.conditions?.[0];
  const value = Number(condition?.value);
  if (back !== gather || !out?.next || !Number.isInteger(value)) return undefined;
  if (condition?.type === 'greater_than') return { tries: value + 1, then: out.next };
  if (condition?.type === 'equal_to') return { tries: value, then: out.next };
  return undefined;
}
