/** Builds the `Flow` the rest of the program uses from a file that passed every check. */
import { parseDuration } from './duration.js';
import type { FlowFile, HandlerFile, NodeFile, Tries } from './schema.js';
import type { PathSegment, SourceMap } from './source.js';
import type {
  AgentNode,
  BranchNode,
  Expectation,
  Flow,
  FlowNode,
  Handler,
  InputNode,
  MenuOption,
  SourcePosition,
  TryCount,
  Within,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

  /** `where` is the handler's key, or the node's when the handler is not written. */
  const handler = (
    written: HandlerFile | undefined,
    nodeTries: TryCount,
    where: SourcePosition,
  ): Handler => {
    // Optional fields are set one by one: spreading `...(x ? { x } : {})` costs seconds on
    // flows of tens of thousands of nodes.
    const normalised: Mutable<Handler> = {
      promptSeconds: written?.prompt ? promptSeconds({ prompt: written.prompt }) : 0,
      tries: tries(written?.tries) ?? nodeTries,
      written: written !== undefined,
      at: where,
    };
    if (written?.prompt !== undefined) normalised.prompt = written.prompt;
    if (written?.then !== undefined) normalised.then = written.then;
    return normalised;
  };

  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of Object.entries(file.nodes)) {
    nodes.set(id, normaliseNode(id, node));
  }

  function normaliseNode(id: string, node: NodeFile): FlowNode {
    const normalised = nodeFields(id, node) as Mutable<FlowNode> & { prompt?: string };
    if ('prompt' in node && node.prompt !== undefined) normalised.prompt = node.prompt;
    return normalised;
  }

  // Written out per type rather than spread from shared parts: spreading is what made reading
  // a flow of 20,000 menus slow.
  function nodeFields(id: string, node: NodeFile): FlowNode {
    // Every place of a node is looked up from the node's own part of the map: walking from the
    // top for each of a large flow's hundred thousand options took most of the time here.
    const place = source.part(['nodes', id]);
    const nodeAt = place.at([], { key: true });
    const handlerAt = (field: string, written: unknown) =>
      written === undefined ? nodeAt : place.at([field], { key: true });
    const spoken = node.type !== 'branch' ? promptSeconds(node) : 0;
    switch (node.type) {
      case 'say':
        return { id, at: nodeAt, promptSeconds: spoken, type: 'say', next: node.next };
      case 'menu':
      case 'input': {
        const nodeTries = tries(node.tries) ?? flowTries;
        const noMatch = handler(node.noMatch, nodeTries, handlerAt('noMatch', node.noMatch));
        const noInput = handler(node.noInput, nodeTries, handlerAt('noInput', node.noInput));
        const timeoutSeconds = seconds(node.timeout, flowTimeout);
        if (node.type === 'menu') {
          const optionPlaces = place.part(['options']);
          const options = node.options.map((option, index) => {
            const normalised: Mutable<MenuOption> = {
              say: option.say ?? [],
              repeat: option.repeat === true,
              at: optionPlaces.at([index]),
            };
            if (option.key !== undefined) normalised.key = String(option.key);
            if (option.to !== undefined) normalised.to = option.to;
            return normalised;
          });
          return {
            id,
            at: nodeAt,
            promptSeconds: spoken,
            noMatch,
            noInput,
            timeoutSeconds,
            type: 'menu',
            options,
          };
        }
        const input: Mutable<InputNode> = {
          id,
          at: nodeAt,
          promptSeconds: spoken,
          noMatch,
          noInput,
          timeoutSeconds,
          type: 'input',
          next: node.next,
        };
        if (node.collect) input.collect = node.collect;
        if (node.digits !== undefined) {
          input.digits = Array.isArray(node.digits)
            ? { min: node.digits[0], max: node.digits[1] }
            : { min: node.digits, max: node.digits };
        }
        return input;
      }
      case 'branch': {
        const branch: Mutable<BranchNode> = {
          id,
          at: nodeAt,
          type: 'branch',
          condition: node.condition,
          cases: { ...node.cases },
        };
        if (node.default) branch.default = node.default;
        return branch;
      }
      case 'agent': {
        const waitSeconds = seconds(node.wait, 0);
        const agent: Mutable<AgentNode> = {
          id,
          at: nodeAt,
          promptSeconds: spoken,
          type: 'agent',
          waitSeconds,
        };
        if (node.queue) agent.queue = node.queue;
        return agent;
      }
      case 'transfer':
        return { id, at: nodeAt, promptSeconds: spoken, type: 'transfer', to: String(node.to) };
      case 'hangup':
        return {
          id,
          at: nodeAt,
          promptSeconds: spoken,
          type: 'hangup',
          outcome: node.outcome ?? 'unresolved',
        };
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
