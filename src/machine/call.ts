/**
 * One simulated call on a flow's machine, driven by a caller's inputs: where it stands, the
 * prompts heard, the steps taken, the simulated time, and how it ended. The walker, `phonemaze
 * test` and scripted walks all use it, so they all behave exactly as the machine does.
 */
import { type Actor, createActor } from 'xstate';
import { type CallerInput, formatCallerInput, parseCallerInput } from '../flow/caller-input.js';
import { resolveConditions } from '../flow/conditions.js';
import type { Flow, FlowNode, MenuOption } from '../flow/types.js';
import { type CallMachine, compile } from './compile.js';
import {
  acceptsValue,
  type CallerEvent,
  eventForInput,
  inputForEvent,
  optionChosen,
  sampleValue,
  valueGiven,
} from './events.js';
import { DISCONNECTED, HUNG_UP } from './states.js';

/** What became of one input. */
export type InputEffect = 'option' | 'repeat' | 'value' | 'noMatch' | 'noInput' | 'hangUp';

export interface Heard {
  readonly node: string;
  readonly prompt: string;
}

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

export class Call {
  readonly flow: Flow;
  readonly conditions: Readonly<Record<string, string>>;
  readonly transcript: TranscriptEntry[] = [];
  /** Every node the call entered, say and branch nodes included, for coverage. */
  readonly visited = new Set<string>();
  /** The options chosen, as `node#index`, for coverage. */
  readonly chosen = new Set<string>();
  private readonly actor: Actor<CallMachine>;
  private passed: string[] = [];
  private steps = 0;
  private seconds = 0;
  private notUnderstood = 0;

  /** Starts a call; refuses condition values the flow does not declare (ConditionError). */
  constructor(
    flow: Flow,
    conditions: Readonly<Record<string, string>> = {},
    machine: CallMachine = compile(flow),
  ) {
    this.flow = flow;
    this.conditions = resolveConditions(flow, conditions);
    // The machine passes its first say and branch nodes while the actor is created.
    this.passed = [flow.start];
    this.actor = createActor(machine, {
      input: { conditions: this.conditions },
      // Microsteps name the say and branch nodes a call passes through without resting there.
      inspect: (event) => {
        if (event.type === '@xstate.microstep')
          this.passed.push(String((event.snapshot as { value?: unknown }).value));
      },
    });
    this.actor.start();
    this.record(undefined, undefined, this.play(this.passed));
  }

  /** Where the call stands: a node id, or DISCONNECTED / HUNG_UP. */
  get node(): string {
    return String(this.actor.getSnapshot().value);
  }

  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  get stepCount(): number {
    return this.steps;
  }

  get secondsInMenus(): number {
    return this.seconds;
  }

  /** How often the caller was not understood (no-match) so far. */
  get notUnderstoodCount(): number {
    return this.notUnderstood;
  }

  /** Values collected at input nodes. */
  get collected(): Readonly<Record<string, string>> {
    return this.actor.getSnapshot().context.collected;
  }

  /** The caller does something. Inputs after the call has ended change nothing. */
  send(input: CallerInput | CallerEvent): TranscriptEntry {
    const event = 'kind' in input ? eventForInput(input) : input;
    const written = 'kind' in input ? formatCallerInput(input) : inputForEvent(input);
    if (this.ended) return this.record(written, undefined, []);
    const at = this.flow.nodes.get(this.node);
    const effect = effectOf(at, event);
    if (at?.type === 'menu' && (effect === 'option' || effect === 'repeat')) {
      this.chosen.add(`${at.id}#${at.options.indexOf(optionChosen(at, event) as MenuOption)}`);
    }
    this.passed = [];
    this.actor.send(event);
    if (effect !== 'hangUp') this.steps += 1;
    if (effect === 'noMatch') this.notUnderstood += 1;
    const heard: Heard[] = [];
    if (
      (effect === 'noMatch' || effect === 'noInput') &&
      (at?.type === 'menu' || at?.type === 'input')
    ) {
      if (effect === 'noInput') this.seconds += at.timeoutSeconds;
      const handler = at[effect];
      if (handler.prompt) {
        this.seconds += handler.promptSeconds;
        heard.push({ node: at.id, prompt: handler.prompt });
      }
    }
    // A reprompt or a repeat plays the node again; a move plays every node passed into.
    const played = this.passed.length > 0 ? this.passed : at && effect !== 'hangUp' ? [at.id] : [];
    return this.record(written, effect, [...heard, ...this.play(played)]);
  }

  /**
   * The caller does what a written input says (`1`, `say: billing`, `silence`, `value: 123`).
   * A bare `value`, as reports write it, enters a value the current input node accepts.
   */
  sendWritten(written: string): TranscriptEntry {
    const node = this.flow.nodes.get(this.node);
    if (written.trim() === 'value' && node?.type === 'input')
      return this.send({ type: 'enter', value: sampleValue(node) });
    const input = parseCallerInput(written);
    if (!input)
      throw new Error(
        `"${written}" is not a caller input: write a key (1, *, 1234), "say: ...", "silence", "invalid" or "value: ...".`,
      );
    return this.send(input);
  }

  /** How the call ended, or undefined while it goes on. */
  outcome(): Outcome | undefined {
    if (!this.ended) return undefined;
    const snapshot = this.actor.getSnapshot();
    if (this.node === DISCONNECTED) {
      const where = snapshot.context.disconnected ?? {
        node: this.node,
        because: 'noMatch' as const,
      };
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

  /** The prompts of nodes entered, adding their time (agents' time is the queue's, apart). */
  private play(nodes: readonly string[]): Heard[] {
    const heard: Heard[] = [];
    for (const id of nodes) {
      const node = this.flow.nodes.get(id);
      if (node) this.visited.add(id);
      if (!node || node.type === 'branch') continue;
      if (node.type !== 'agent') this.seconds += node.promptSeconds;
      if (node.prompt) heard.push({ node: id, prompt: node.prompt });
    }
    return heard;
  }

  private record(
    input: string | undefined,
    effect: InputEffect | undefined,
    heard: readonly Heard[],
  ): TranscriptEntry {
    const entry: TranscriptEntry = {
      ...(input !== undefined ? { input } : {}),
      ...(effect !== undefined ? { effect } : {}),
      heard,
      node: this.node,
      steps: this.steps,
      seconds: this.seconds,
    };
    this.transcript.push(entry);
    return entry;
  }
}

/** What an event does at a node, as the machine will decide it. */
export function effectOf(node: FlowNode | undefined, event: CallerEvent): InputEffect {
  if (event.type === 'hangUp') return 'hangUp';
  if (event.type === 'silence') return 'noInput';
  if (node?.type === 'menu') {
    const option = optionChosen(node, event);
    if (!option) return 'noMatch';
    return option.repeat ? 'repeat' : 'option';
  }
  if (node?.type === 'input') {
    const value = valueGiven(event);
    return value !== undefined && acceptsValue(node, value) ? 'value' : 'noMatch';
  }
  return 'noMatch';
}
