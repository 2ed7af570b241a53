/** Builds the `Flow` the rest of the program uses from a file that passed every check. */
import { parseDuration } from './duration.js';
import type { FlowFile, HandlerFile, NodeFile, Tries } from './schema.js';
import type { PathSegment, SourceMap } from './source.js';
import type {
  Expectation,
  Flow,
  FlowNode,
  Handler,
  SourcePosition,
  TryCount,
  Within,
} from './types.js';

export const DEFAULT_SETTINGS = { wordsPerMinute: 160, timeoutSeconds: 5, tries: 3 } as const;

function tries(value: Tries | undefined): TryCount | undefined {
  if (value === undefined) return undefined;
  return value === 'unlimited' ? Number.POSITIVE_INFINITY : value;
}

function seconds(value: string | number | undefined, fallback: number): number {
  return value === undefined ? fallback : (parseDuration(value) ?? fallback);
}

/** Words a prompt speaks: runs of letters or digits. */
export function countWords(prompt: string): number {
  return prompt.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}

export function normaliseFlow(
  file: FlowFile,
  source: SourceMap,
  fileName: string | undefined,
): Flow {
  const wordsPerMinute = file.settings?.wordsPerMinute ?? DEFAULT_SETTINGS.wordsPerMinute;
  const flowTimeout = seconds(file.settings?.timeout, DEFAULT_SETTINGS.timeoutSeconds);
  const flowTries = tries(file.settings?.tries) ?? DEFAULT_SETTINGS.tries;
  const at = (path: readonly PathSegment[], key = false): SourcePosition =>
    source.at(path, { key });

  const promptSeconds = (node: { prompt?: string; duration?: string | number }): number =>
    node.duration !== undefined
      ? seconds(node.duration, 0)
      : node.prompt
        ? (countWords(node.prompt) / wordsPerMinute) * 60
        : 0;

  const handler = (
    written: HandlerFile | undefined,
    nodeTries: TryCount,
    path: readonly PathSegment[],
  ): Handler => ({
    ...(written?.prompt !== undefined ? { prompt: written.prompt } : {}),
    promptSeconds: written?.prompt ? promptSeconds({ prompt: written.prompt }) : 0,
    ...(written?.then !== undefined ? { then: written.then } : {}),
    tries: tries(written?.tries) ?? nodeTries,
    written: written !== undefined,
    at: written ? at(path, true) : at(path.slice(0, -1), true),
  });

  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of Object.entries(file.nodes)) {
    nodes.set(id, normaliseNode(id, node));
  }

  function normaliseNode(id: string, node: NodeFile): FlowNode {
    const path = ['nodes', id];
    const base = { id, at: at(path, true) };
    const speaking = {
      ...('prompt' in node && node.prompt !== undefined ? { prompt: node.prompt } : {}),
      promptSeconds: 'type' in node && node.type !== 'branch' ? promptSeconds(node) : 0,
    };
    switch (node.type) {
      case 'say':
        return { ...base, ...speaking, type: 'say', next: node.next };
      case 'menu':
      case 'input': {
        const nodeTries = tries(node.tries) ?? flowTries;
        const listening = {
          noMatch: handler(node.noMatch, nodeTries, [...path, 'noMatch']),
          noInput: handler(node.noInput, nodeTries, [...path, 'noInput']),
          timeoutSeconds: seconds(node.timeout, flowTimeout),
        };
        if (node.type === 'input') {
          const digits =
            node.digits === undefined
              ? undefined
              : Array.isArray(node.digits)
                ? { min: node.digits[0], max: node.digits[1] }
                : { min: node.digits, max: node.digits };
          return {
            ...base,
            ...speaking,
            ...listening,
            type: 'input',
            next: node.next,
            ...(node.collect ? { collect: node.collect } : {}),
            ...(digits ? { digits } : {}),
          };
        }
        return {
          ...base,
          ...speaking,
          ...listening,
          type: 'menu',
          options: node.options.map((option, index) => ({
            ...(option.key !== undefined ? { key: String(option.key) } : {}),
            say: option.say ?? [],
            ...(option.to !== undefined ? { to: option.to } : {}),
            repeat: option.repeat === true,
            at: at([...path, 'options', index]),
          })),
        };
      }
      case 'branch':
        return {
          ...base,
          type: 'branch',
          condition: node.condition,
          cases: { ...node.cases },
          ...(node.default ? { default: node.default } : {}),
        };
      case 'agent':
        return {
          ...base,
          ...speaking,
          type: 'agent',
          ...(node.queue ? { queue: node.queue } : {}),
          waitSeconds: seconds(node.wait, 0),
        };
      case 'transfer':
        return { ...base, ...speaking, type: 'transfer', to: String(node.to) };
      case 'hangup':
        return { ...base, ...speaking, type: 'hangup', outcome: node.outcome ?? 'unresolved' };
    }
  }

  const expect: Expectation[] = (file.expect ?? []).map((entry, index) => ({
    name: entry.name,
    given: Object.fromEntries(Object.entries(entry.given ?? {}).map(([k, v]) => [k, String(v)])),
    ...(entry.reach !== undefined ? { reach: entry.reach } : {}),
    ...(entry.within !== undefined ? { within: within(entry.within) } : {}),
    ...(entry.inputs !== undefined ? { inputs: entry.inputs.map(String) } : {}),
    ...(entry.ends !== undefined ? { ends: entry.ends } : {}),
    at: at(['expect', index]),
  }));

  return {
    ...(fileName !== undefined ? { file: fileName } : {}),
    id: file.id,
    ...(file.title !== undefined ? { title: file.title } : {}),
    ...(file.language !== undefined ? { language: file.language } : {}),
    start: file.start,
    settings: { wordsPerMinute, timeoutSeconds: flowTimeout, tries: flowTries },
    conditions: { ...(file.conditions ?? {}) },
    limits: { ...(file.limits ?? {}) },
    rules: Object.fromEntries(
      Object.entries(file.rules ?? {}).map(([rule, severity]) => [
        rule,
        { severity, at: at(['rules', rule], true) },
      ]),
    ),
    nodes,
    expect,
    ...(file.callers ? { callers: file.callers } : {}),
    at: at([]),
  };
}

function within(value: string | number): Within {
  const steps = typeof value === 'string' ? /^\s*(\d+)\s*steps?\s*$/.exec(value) : null;
  if (steps?.[1]) return { kind: 'steps', steps: Number(steps[1]) };
  return { kind: 'seconds', seconds: parseDuration(value) ?? 0 };
}
