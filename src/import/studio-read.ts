/**
 * A Twilio Studio flow definition read and held to its schema
 * (https://www.twilio.com/docs/studio/rest-api/v2/flow-definition): the bare definition or the
 * Flow resource holding it, its widgets by name with their places, and every reason it cannot be
 * read, each with its line and column.
 */
import { checkJson } from '../flow/json-text.js';
import type { FlowProblem } from '../flow/problems.js';
import { type PathSegment, positionAt, readFlowText } from '../flow/source.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';

export interface StudioTransition {
  readonly event: string;
  readonly next?: string;
  readonly conditions?: readonly {
    readonly friendly_name?: string;
    readonly arguments?: readonly string[];
    readonly type?: string;
    readonly value?: string;
  }[];
}

export interface StudioWidget {
  readonly name: string;
  readonly type: string;
  readonly properties?: Record<string, unknown>;
  readonly transitions?: readonly StudioTransition[];
}

export interface StudioDocument {
  /** The Flow resource's friendly name, when the file is the resource. */
  readonly name?: string;
  readonly description?: string;
  /** The widget an incoming call starts at: the trigger's `incomingCall`. */
  readonly start: string;
  readonly widgets: ReadonlyMap<string, StudioWidget>;
  at(name: string, ...path: PathSegment[]): SourcePosition;
}

export type StudioRead =
  | { readonly ok: true; readonly document: StudioDocument }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

const PLACEHOLDERS = /\$\{[^}\n]*\}/g;

export function readStudio(text: string, file: string): StudioRead {
  const json = checkJson(text, 'json');
  if (json.mistake) {
    // Terraform's templatefile() leaves `${...}` where a value goes.
    const placeholder = [...text.matchAll(PLACEHOLDERS)].filter(
      (match) => match.index <= (json.mistake?.offset ?? 0),
    );
    const last = placeholder.at(-1);
    if (last)
      return {
        ok: false,
        problems: [
          {
            file,
            ...positionAt(text, last.index),
            message: `The file is a template: \`${last[0]}\` stands where a value should be, so it is not JSON.`,
            hint: 'Render the template first (terraform templatefile, envsubst...), then give phonemaze the result.',
          },
        ],
      };
  }
  const read = readFlowText(text, file, { format: 'json' });
  if (!read.ok) return read;
  let data = read.data as Record<string, unknown>;
  let prefix: PathSegment[] = [];
  let name: string | undefined;
  // The Flow resource, as the REST API fetches it, holds the definition.
  if (data.definition && typeof data.definition === 'object') {
    name = typeof data.friendly_name === 'string' ? data.friendly_name : undefined;
    data = data.definition as Record<string, unknown>;
    prefix = ['definition'];
  }
  const place = (path: readonly PathSegment[]) => read.source.at([...prefix, ...path]);
  const description = typeof data.description === 'string' ? data.description : undefined;
  const problems: FlowProblem[] = [];
  const problem = (path: PathSegment[], message: string, hint: string) =>
    problems.push({ file, ...place(path), message, hint });
  if (!Array.isArray(data.states)) {
    problem([], 'The flow definition has no states list.', 'Export the whole flow definition.');
    return { ok: false, problems };
  }
  const widgets = new Map<string, StudioWidget>();
  const indexes = new Map<string, number>();
  data.states.forEach((state: unknown, index: number) => {
    const one = state as Partial<StudioWidget> | null;
    if (!one || typeof one.name !== 'string' || typeof one.type !== 'string') {
      problem(['states', index], 'This widget has no name or no type.', 'Export the flow again.');
      return;
    }
    widgets.set(one.name, one as StudioWidget);
    indexes.set(one.name, index);
  });
  const at = (widget: string, ...path: PathSegment[]) =>
    place(['states', indexes.get(widget) ?? 0, ...path]);
  const trigger =
    typeof data.initial_state === 'string' ? widgets.get(data.initial_state) : undefined;
  if (!trigger) {
    problem(
      typeof data.initial_state === 'string' ? ['initial_state'] : [],
      typeof data.initial_state === 'string'
        ? `initial_state \`${data.initial_state}\` names no widget.`
        : 'The flow definition has no initial_state.',
      'initial_state names the Trigger widget.',
    );
    return { ok: false, problems };
  }
  for (const [widget, one] of widgets) {
    for (const [k, transition] of (one.transitions ?? []).entries()) {
      if (!transition.next || widgets.has(transition.next)) continue;
      problem(
        ['states', indexes.get(widget) ?? 0, 'transitions', k, 'next'],
        `The ${transition.event} transition of \`${widget}\` goes to \`${transition.next}\`, which is no widget of this flow.`,
        didYouMean(transition.next, widgets.keys()) ?? 'Each next names a widget.',
      );
    }
  }
  const incoming = trigger.transitions?.find((t) => t.event === 'incomingCall');
  if (!incoming?.next)
    problem(
      ['states', indexes.get(trigger.name) ?? 0],
      `The trigger \`${trigger.name}\` has no incomingCall transition: this flow does not answer calls.`,
      "Connect the trigger's Incoming Call to the first widget of the call, or give the voice flow.",
    );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    document: {
      ...(name ? { name } : {}),
      ...(description ? { description } : {}),
      start: incoming?.next as string,
      widgets,
      at,
    },
  };
}
