/**
 * An Amazon Connect export read and held to the flow language
 * (https://docs.aws.amazon.com/connect/latest/APIReference/flow-language.html): the bare
 * document or its wrappers, its actions by identifier with their places, and every reason it
 * cannot be read, each with its line and column.
 */
import { checkJson } from '../flow/json-text.js';
import type { FlowProblem } from '../flow/problems.js';
import { type PathSegment, positionAt, readFlowText } from '../flow/source.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';

export interface ConnectAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters?: Record<string, unknown>;
  readonly Transitions?: {
    readonly NextAction?: string;
    readonly Conditions?: readonly {
      readonly NextAction?: string;
      readonly Condition?: { readonly Operator?: string; readonly Operands?: readonly string[] };
    }[];
    readonly Errors?: readonly { readonly NextAction?: string; readonly ErrorType?: string }[];
  };
}

export interface ConnectDocument {
  /** The flow's name, when a wrapper gives it. */
  readonly name?: string;
  readonly start: string;
  readonly actions: ReadonlyMap<string, ConnectAction>;
  /** Where a part of an action stands in the file: `at(id)`, `at(id, 'Transitions', 'Errors', 0)`. */
  at(id: string, ...path: PathSegment[]): SourcePosition;
  /** The console's friendly name of an action, where the metadata gives one. */
  label(id: string): string | undefined;
}

export type ConnectRead =
  | { readonly ok: true; readonly document: ConnectDocument }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

const VERSION = '2019-10-30';
const PLACEHOLDERS = /\$\{[^}\n]*\}|\{\{[^}\n]*\}\}/g;

/** The template placeholder that breaks the JSON: the one at the mistake, else the last before it. */
function placeholderAt(text: string, offset: number): RegExpExecArray | undefined {
  let found: RegExpExecArray | undefined;
  for (const match of text.matchAll(PLACEHOLDERS)) {
    if (match.index > offset) break;
    found = match as RegExpExecArray;
  }
  return found;
}

export function readConnect(text: string, file: string): ConnectRead {
  const problem = (message: string, hint: string, at = { line: 1, column: 1 }): ConnectRead => ({
    ok: false,
    problems: [{ file, ...at, message, hint }],
  });
  const json = checkJson(text, 'json');
  if (json.mistake) {
    const placeholder = placeholderAt(text, json.mistake.offset);
    if (placeholder)
      return problem(
        `The file is a template: \`${placeholder[0]}\` stands where a value should be, so it is not JSON.`,
        'Render the template first (terraform templatefile, envsubst...), then give phonemaze the result.',
        positionAt(text, placeholder.index),
      );
  }
  const read = readFlowText(text, file, { format: 'json' });
  if (!read.ok) return read;
  let data = read.data as Record<string, unknown>;
  let prefix: PathSegment[] = [];
  let name: string | undefined;
  // DescribeContactFlow's answer, and the import wrappers: the flow language is a JSON string.
  for (const wrapper of ['ContactFlow', 'ContactFlowModule']) {
    const inner = data[wrapper];
    if (inner && typeof inner === 'object') {
      data = inner as Record<string, unknown>;
      prefix = [wrapper];
    }
  }
  if (typeof data.Content === 'string') {
    name = typeof data.Name === 'string' ? data.Name : undefined;
    const contentAt = read.source.at([...prefix, 'Content']);
    try {
      data = JSON.parse(data.Content) as Record<string, unknown>;
    } catch (error) {
      return problem(
        `The Content string is not JSON: ${(error as Error).message}.`,
        'Content holds the flow language as a JSON string; export the flow again.',
        contentAt,
      );
    }
    // Inside a string the places are the string's own: every part is placed at the Content.
    return validate(data, file, name, () => contentAt);
  }
  return validate(data, file, name, (path) => read.source.at([...prefix, ...path]));
}

function validate(
  data: Record<string, unknown>,
  file: string,
  name: string | undefined,
  place: (path: readonly PathSegment[]) => SourcePosition,
): ConnectRead {
  const problem = (message: string, hint: string, path: PathSegment[] = []): ConnectRead => ({
    ok: false,
    problems: [{ file, ...place(path), message, hint }],
  });
  if (Array.isArray(data.modules) && 'start' in data)
    return problem(
      'This is an export of the old Amazon Connect console (modules), not the flow language.',
      'Export the flow with `aws connect describe-contact-flow` (or save it again in the current flow designer) and give phonemaze its Content.',
    );
  if (data.Version !== VERSION)
    return problem(
      data.Version === undefined
        ? 'The flow has no Version.'
        : `The flow is Version ${JSON.stringify(data.Version)} of the Amazon Connect flow language; phonemaze reads ${VERSION}.`,
      `Export the flow again; the flow language has one version, ${VERSION}.`,
      data.Version === undefined ? [] : ['Version'],
    );
  if (!Array.isArray(data.Actions))
    return problem('The flow has no Actions list.', 'Export the whole flow, Actions included.');
  const actions = new Map<string, ConnectAction>();
  const indexes = new Map<string, number>();
  const problems: FlowProblem[] = [];
  data.Actions.forEach((action: unknown, index: number) => {
    const one = action as Partial<ConnectAction> | null;
    if (!one || typeof one.Identifier !== 'string' || typeof one.Type !== 'string') {
      problems.push({
        file,
        ...place(['Actions', index]),
        message: 'This action has no Identifier or no Type.',
        hint: 'Every action of the flow language has both; export the flow again.',
      });
      return;
    }
    actions.set(one.Identifier, one as ConnectAction);
    indexes.set(one.Identifier, index);
  });
  const at = (id: string, ...path: PathSegment[]) =>
    place(['Actions', indexes.get(id) ?? 0, ...path]);
  if (typeof data.StartAction !== 'string' || !actions.has(data.StartAction))
    problems.push({
      file,
      ...place(typeof data.StartAction === 'string' ? ['StartAction'] : []),
      message:
        typeof data.StartAction === 'string'
          ? `StartAction \`${data.StartAction}\` names no action.`
          : 'The flow has no StartAction.',
      hint:
        didYouMean(String(data.StartAction), actions.keys()) ??
        'StartAction names the Identifier of the first action.',
    });
  for (const [id, action] of actions) {
    const transitions = action.Transitions ?? {};
    const check = (target: string | undefined, path: PathSegment[]) => {
      if (target === undefined || target === '' || actions.has(target)) return;
      problems.push({
        file,
        ...at(id, 'Transitions', ...path),
        message: `NextAction \`${target}\` names no action of this flow.`,
        hint:
          didYouMean(target, actions.keys()) ??
          'Each NextAction names the Identifier of an action.',
      });
    };
    check(transitions.NextAction, ['NextAction']);
    for (const [k, condition] of (transitions.Conditions ?? []).entries())
      check(condition.NextAction, ['Conditions', k, 'NextAction']);
    for (const [k, error] of (transitions.Errors ?? []).entries())
      check(error.NextAction, ['Errors', k, 'NextAction']);
  }
  if (problems.length > 0) return { ok: false, problems };
  const metadata = (
    data.Metadata as { ActionMetadata?: Record<string, { friendlyName?: unknown }> }
  )?.ActionMetadata;
  return {
    ok: true,
    document: {
      ...(name ? { name } : {}),
      start: data.StartAction as string,
      actions,
      at,
      label: (id) => {
        const friendly = metadata?.[id]?.friendlyName;
        return typeof friendly === 'string' && friendly.trim() ? friendly : undefined;
      },
    },
  };
}
