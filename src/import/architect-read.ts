/**
 * A Genesys Cloud Architect flow as `archy export` writes it (YAML, `inboundCall:`), read with
 * every part's place, and every reason it cannot be read, each with its line and column. Archy
 * has no published schema: the shapes read here are those of the Archy flow-authoring lessons.
 */
import type { FlowProblem } from '../flow/problems.js';
import { type PathSegment, positionAt, readFlowText } from '../flow/source.js';
import type { SourcePosition } from '../flow/types.js';

export type Data = Record<string, unknown>;

export interface ArchitectDocument {
  readonly flow: Data;
  /** Where a part of the flow stands: `at(['menus', 0, 'menu'])`, under `inboundCall`. */
  at(path: readonly PathSegment[]): SourcePosition;
}

export type ArchitectRead =
  | { readonly ok: true; readonly document: ArchitectDocument }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

const PLACEHOLDER = /\{\{[^}\n]*\}\}|\$\{[^}\n]*\}/;
const OTHER_FLOWS = [
  'inqueueCall',
  'outboundCall',
  'inboundChat',
  'inboundEmail',
  'inboundShortMessage',
  'bot',
  'digitalBot',
  'commonModule',
  'workflow',
];

export function readArchitect(text: string, file: string): ArchitectRead {
  const problem = (at: SourcePosition, message: string, hint: string): ArchitectRead => ({
    ok: false,
    problems: [{ file, ...at, message, hint }],
  });
  const read = readFlowText(text, file, { format: 'yaml' });
  const placeholder = PLACEHOLDER.exec(text);
  if (!read.ok || placeholder) {
    // Archy substitutions and Terraform templates are not YAML until they are rendered.
    if (placeholder)
      return problem(
        positionAt(text, placeholder.index),
        `The file is a template: \`${placeholder[0]}\` stands where a value should be.`,
        'Render the template first (archy --optionsFile substitutions, terraform templatefile...), then give phonemaze the result.',
      );
    if (!read.ok) return read;
  }
  if (!read.ok) return read;
  const data = read.data as Data;
  const flow = data.inboundCall;
  if (!flow || typeof flow !== 'object') {
    const other = OTHER_FLOWS.find((type) => type in data);
    return problem(
      read.source.at(other ? [other] : [], { key: true }),
      other
        ? `This is an Architect ${other} flow; phonemaze reads inbound call flows (inboundCall).`
        : 'The file has no `inboundCall`: it is not an Architect inbound call flow as archy export writes it.',
      'Export the inbound call flow with `archy export --flowType inboundcall`.',
    );
  }
  const at = (path: readonly PathSegment[]) => read.source.at(['inboundCall', ...path]);
  if (typeof (flow as Data).startUpRef !== 'string')
    return problem(
      at([]),
      'The flow has no startUpRef.',
      'startUpRef names the menu or task the call starts at, such as /inboundCall/menus/menu[main].',
    );
  return { ok: true, document: { flow: flow as Data, at } };
}

/** The value Archy wraps: `{ lit: x }`, a bare value, or undefined for `noValue` and expressions. */
export function literal(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  const wrapped = value as Data;
  if ('lit' in wrapped) return wrapped.lit;
  return undefined;
}

/** The words of an `audio`: its `tts`, or the text of a `ToAudioTTS("...")` expression. */
export function wordsOf(audio: unknown): string | undefined {
  if (!audio || typeof audio !== 'object') return typeof audio === 'string' ? audio : undefined;
  const a = audio as Data;
  if (typeof a.tts === 'string' && a.tts.trim()) return a.tts.trim();
  if (typeof a.exp === 'string') {
    const said = [...a.exp.matchAll(/ToAudioTTS\(\s*"([^"]*)"\s*\)/g)].map((m) => m[1]).join(' ');
    return said.trim() || `(${a.exp.trim()})`;
  }
  if (a.prompt !== undefined) return '(plays a prompt)';
  return undefined;
}

/** Actions that set something up and go on to the next action. */
export const SETUP = new Set([
  'updateData',
  'setParticipantData',
  'setLanguage',
  'setWrapupCode',
  'setScreenPop',
  'setUUIData',
  'setFlowOutcome',
  'initializeFlowOutcome',
  'getParticipantData',
  'setExternalTag',
  'setCallPriority',
  'setWhisperAudio',
  'setUtilizationLabel',
]);
/** The word a condition's name starts with, by the action that decides it. */
export const CONDITION_WORDS: Readonly<Record<string, string>> = {
  evaluateScheduleGroup: 'schedule',
  evaluateSchedule: 'schedule',
  callData: 'data',
  dataTableLookup: 'table',
  callLambda: 'lambda',
};
/** Architect's defaults: "Menu repeat count" 3; the menu selection timeout, 10 s. */
export const DEFAULT_REPEAT = 3;
export const DEFAULT_SELECTION_SECONDS = 10;

/** The one key of a `- <type>: {...}` entry, and its body. */
export function entryOf(entry: unknown): [string, Data] {
  const [type = 'unknown', body] = Object.entries((entry ?? {}) as Data)[0] ?? [];
  return [type, (body && typeof body === 'object' ? body : {}) as Data];
}

/** `digit_1` → `1`; `digit_star`, `star` → `*`; `digit_pound`, `pound`, `hash` → `#`. */
export function keyOf(dtmf: unknown): string | undefined {
  const value = String(literal(dtmf) ?? dtmf ?? '').replace(/^digit_/, '');
  if (/^[0-9*#]$/.test(value)) return value;
  if (value === 'star') return '*';
  if (value === 'pound' || value === 'hash') return '#';
  return undefined;
}
