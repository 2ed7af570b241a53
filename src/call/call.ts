/**
 * One simulated call on a flow's machine, driven by a caller's inputs: where it stands, the
 * prompts heard, the steps taken, the simulated time, and how it ended. The walker, `phonemaze
 * test` and scripted walks all use it, so they all behave exactly as the machine does.
 */
import { type CallerInput, formatCallerInput, parseCallerInput } from '../flow/caller-input.js';
import { resolveConditions } from '../flow/conditions.js';
import { DISCONNECTED, HUNG_UP } from '../flow/ends.js';
import type { Flow, FlowNode } from '../flow/types.js';
import { type CallerEvent, eventForInput, inputForEvent, sampleValue } from './events.js';
import {
  type CallState,
  type Heard,
  hasEnded,
  type InputEffect,
  type Step,
  startCall,
  step,
} from './step.js';

export type { Heard, InputEffect } from './step.js';

export interface TranscriptEntry {
  /** The input as written (`1`, `say: billing`, `silence`); undefined for the call's start. */
  readonly input?: string;
  readonly effect?: InputEffect;
  /** Prompts played after the input, in order. */
  readonly heard: readonly Heard[];
  /** Where the call stands afterwards. */
  readonly node: string;
  readonly steps: number;
  readonly seconds: number;
}

export type Outcome =
  | { readonly kind: 'human'; readonly node: string; readonly queueSeconds: number }
  | { readonly kind: 'transfer'; readonly node: string; readonly to: string }
  | { readonly kind: 'hangup'; readonly node: string; readonly outcome: 'resolved' | 'unresolved' }
  | {
      readonly kind: 'disconnected';
      readonly node: string;
      readonly because: 'noMatch' | 'noInput';
      readonly tries: number;
    }
  | { readonly kind: 'abandoned'; readonly node: string };

/**
 * A call as a sequence of `step`s (src/call/step.ts), the function the compiled machine's guards
 * decide by too: the two agree by construction, and tests replay the machine's paths on it.
 */
export class Call {
  readonly flow: Flow;
  readonly conditions: Readonly<Record<string, string>>;
  readonly transcript: TranscriptEntry[] = [];
  /** Every node the call entered, say and branch nodes included, for coverage. */
  readonly visited = new Set<string>();
  /** The options chosen, as `node#index`, for coverage. */
  readonly chosen = new Set<string>();
  private state: CallState;

  /** Starts a call; refuses condition values the flow does not declare (ConditionError). */
  constructor(flow: Flow, conditions: Readonly<Record<string, string>> = {}) {
    this.flow = flow;
    this.conditions = resolveConditions(flow, conditions);
    const started = startCall(flow, this.conditions);
    this.state = started.state;
    this.record(undefined, started);
  }

  /** Where the call stands: a node id, or DISCONNECTED / HUNG_UP. */
  get node(): string {
    return this.state.node;
  }

  get ended(): boolean {
    return hasEnded(this.flow, this.state.node);
  }

  get stepCount(): number {
    return this.state.steps;
  }

  get secondsInMenus(): number {
    return this.state.seconds;
  }

  /** How often the caller was not understood (no-match) so far. */
  get notUnderstoodCount(): number {
    return this.state.notUnderstood;
  }

  /** Values collected at input nodes. */
  get collected(): Readonly<Record<string, string>> {
    return this.state.collected;
  }

  /** The caller does something. Inputs after the call has ended change nothing. */
  send(input: CallerInput | CallerEvent): TranscriptEntry {
    const event = 'kind' in input ? eventForInput(input) : input;
    const written = 'kind' in input ? formatCallerInput(input) : inputForEvent(input);
    const at = this.state.node;
    const taken = step(this.flow, this.conditions, this.state, event);
    if (taken.option !== undefined) this.chosen.add(`${at}#${taken.option}`);
    this.state = taken.state;
    return this.record(written, taken);
  }

  /**
   * The caller does what a written input says (`1`, `say: billing`, `silence`, `value: 123`).
   * A bare `value`, as reports write it, enters a value the current input node accepts.
   */
  sendWritten(written: string): TranscriptEntry {
    return this.send(this.eventFor(written));
  }

  /** The event a written input stands for here; throws, in words, for what is no input. */
  eventFor(written: string): CallerEvent {
    const node = this.flow.nodes.get(this.node);
    if (written.trim() === 'value' && node?.type === 'input')
      return { type: 'enter', value: sampleValue(node) };
    const input = parseCallerInput(written);
    if (!input)
      throw new Error(
        `"${written}" is not a caller input: write a key (1, *, 1234), "say: ...", "silence", "invalid" or "value: ...".`,
      );
    return eventForInput(input);
  }

  /** How the call ended, or undefined while it goes on. */
  outcome(): Outcome | undefined {
    if (!this.ended) return undefined;
    if (this.node === DISCONNECTED) {
      const where = this.state.disconnected ?? { node: this.node, because: 'noMatch' as const };
      const node = this.flow.nodes.get(where.node);
      const tries =
        node && (node.type === 'menu' || node.type === 'input') ? node[where.because].tries : 0;
      return { kind: 'disconnected', node: where.node, because: where.because, tries };
    }
    if (this.node === HUNG_UP) return { kind: 'abandoned', node: this.lastNode() };
    const node = this.flow.nodes.get(this.node) as FlowNode;
    if (node.type === 'agent')
      return { kind: 'human', node: node.id, queueSeconds: node.waitSeconds };
    if (node.type === 'transfer') return { kind: 'transfer', node: node.id, to: node.to };
    return {
      kind: 'hangup',
      node: node.id,
      outcome: node.type === 'hangup' ? node.outcome : 'unresolved',
    };
  }

  private lastNode(): string {
    for (let i = this.transcript.length - 1; i >= 0; i--) {
      const node = this.transcript[i]?.node;
      if (node && this.flow.nodes.has(node)) return node;
    }
    return this.flow.start;
  }

  private record(input: string | undefined, taken: Step): TranscriptEntry {
    for (const id of taken.entered) if (this.flow.nodes.has(id)) this.visited.add(id);
    const entry: TranscriptEntry = {
      ...(input !== undefined ? { input } : {}),
      ...(taken.effect !== undefined ? { effect: taken.effect } : {}),
      heard: taken.heard,
      node: this.state.node,
      steps: this.state.steps,
      seconds: this.state.seconds,
    };
    this.transcript.push(entry);
    return entry;
  }
}
