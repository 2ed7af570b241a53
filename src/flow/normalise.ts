/** Builds the `Flow` the rest of the program uses from a file that passed every check. */
import { parseDuration } from './duration.js';
import type { PartPositions, PathSegment } from './positions.js';
import type { FlowFile, HandlerFile, NodeFile, Tries } from './schema.js';
import type {
  AgentNode,
  BranchNode,
  Expectation,
  Flow,
  FlowNode,
  Handler,
  InputNode,
  MenuNode,
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

/**
 * The flow, in four named steps: the settings every node falls back on, each node, the
 * expectations and rule settings with their places, and the flow around them.
 */
export function normaliseFlow(
  file: FlowFile,
  source: PartPositions,
  fileName: string | undefined,
): Flow {
  const settings = settingsOf(file);
  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of Object.entries(file.nodes)) {
    nodes.set(id, normaliseNode(id, node, source.part(['nodes', id]), settings));
  }
  const at = (path: readonly PathSegment[], key = false): SourcePosition =>
    source.at(path, { key });
  return {
    ...(fileName !== undefined ? { file: fileName } : {}),
    id: file.id,
    ...(file.title !== undefined ? { title: file.title } : {}),
    ...(file.language !== undefined ? { language: file.language } : {}),
    start: file.start,
    settings: {
      wordsPerMinute: settings.wordsPerMinute,
      timeoutSeconds: settings.timeoutSeconds,
      tries: settings.tries,
    },
    conditions: { ...(file.conditions ?? {}) },
    conditionsAt: Object.fromEntries(
      Object.keys(file.conditions ?? {}).map((name) => [name, at(['conditions', name], true)]),
    ),
    limits: { ...(file.limits ?? {}) },
    rules: Object.fromEntries(
      Object.entries(file.rules ?? {}).map(([rule, severity]) => [
        rule,
        { severity, at: at(['rules', rule], true) },
      ]),
    ),
    nodes,
    expect: expectationsOf(file, at),
    ...(file.callers ? { callers: file.callers } : {}),
    at: at([]),
  };
}

/** What every node falls back on: the flow's settings, or the defaults. */
interface Settings {
  readonly wordsPerMinute: number;
  readonly timeoutSeconds: number;
  readonly tries: TryCount;
}

function settingsOf(file: FlowFile): Settings {
  return {
    wordsPerMinute: file.settings?.wordsPerMinute ?? DEFAULT_SETTINGS.wordsPerMinute,
    timeoutSeconds: seconds(file.settings?.timeout, DEFAULT_SETTINGS.timeoutSeconds),
    tries: tries(file.settings?.tries) ?? DEFAULT_SETTINGS.tries,
  };
}

/** How long a prompt plays: its `duration`, else its words at the flow's speaking rate. */
function promptSeconds(
  node: { prompt?: string; duration?: string | number },
  settings: Settings,
): number {
  if (node.duration !== undefined) return seconds(node.duration, 0);
  return node.prompt ? (countWords(node.prompt) / settings.wordsPerMinute) * 60 : 0;
}

/** `where` is the handler's key, or the node's when the handler is not written. */
function handlerOf(
  written: HandlerFile | undefined,
  nodeTries: TryCount,
  where: SourcePosition,
  settings: Settings,
): Handler {
  // Optional fields are set one by one: spreading `...(x ? { x } : {})` costs seconds on flows
  // of tens of thousands of nodes.
  const handler: Mutable<Handler> = {
    promptSeconds: written?.prompt ? promptSeconds({ prompt: written.prompt }, settings) : 0,
    tries: tries(written?.tries) ?? nodeTries,
    written: written !== undefined,
    at: where,
  };
  if (written?.prompt !== undefined) handler.prompt = written.prompt;
  if (written?.then !== undefined) handler.then = written.then;
  return handler;
}

/**
 * One node. Every place of a node is looked up from the node's own part of the source map
 * (`place`): walking from the top for each of a large flow's hundred thousand options took most
 * of the time here. Each type is written out rather than spread from shared parts, for the same
 * reason.
 */
function normaliseNode(
  id: string,
  node: NodeFile,
  place: PartPositions,
  settings: Settings,
): FlowNode {
  const at = place.at([], { key: true });
  const normalised = nodeOfType(id, node, at, place, settings) as Mutable<FlowNode> & {
    prompt?: string;
  };
  if ('prompt' in node && node.prompt !== undefined) normalised.prompt = node.prompt;
  return normalised;
}

function nodeOfType(
  id: string,
  node: NodeFile,
  at: SourcePosition,
  place: PartPositions,
  settings: Settings,
): FlowNode {
  const spoken = node.type !== 'branch' ? promptSeconds(node, settings) : 0;
  switch (node.type) {
    case 'say':
      return { id, at, promptSeconds: spoken, type: 'say', next: node.next };
    case 'menu':
    case 'input':
      return listeningNode(id, node, at, spoken, place, settings);
    case 'branch': {
      const branch: Mutable<BranchNode> = {
        id,
        at,
        type: 'branch',
        condition: node.condition,
        cases: { ...node.cases },
      };
      if (node.default) branch.default = node.default;
      return branch;
    }
    case 'agent': {
      const agent: Mutable<AgentNode> = {
        id,
        at,
        promptSeconds: spoken,
        type: 'agent',
        waitSeconds: seconds(node.wait, 0),
      };
      if (node.queue) agent.queue = node.queue;
      return agent;
    }
    case 'transfer':
      return { id, at, promptSeconds: spoken, type: 'transfer', to: String(node.to) };
    case 'hangup':
      return {
        id,
        at,
        promptSeconds: spoken,
        type: 'hangup',
        outcome: node.outcome ?? 'unresolved',
      };
  }
}

/** A menu or an input node: its handlers, timeout and tries, and its options or its value. */
function listeningNode(
  id: string,
  node: Extract<NodeFile, { type: 'menu' | 'input' }>,
  at: SourcePosition,
  spoken: number,
  place: PartPositions,
  settings: Settings,
): MenuNode | InputNode {
  const nodeTries = tries(node.tries) ?? settings.tries;
  const handlerAt = (field: string, written: unknown) =>
    written === undefined ? at : place.at([field], { key: true });
  const noMatch = handlerOf(node.noMatch, nodeTries, handlerAt('noMatch', node.noMatch), settings);
  const noInput = handlerOf(node.noInput, nodeTries, handlerAt('noInput', node.noInput), settings);
  const listening = {
    id,
    at,
    promptSeconds: spoken,
    noMatch,
    noInput,
    timeoutSeconds: seconds(node.timeout, settings.timeoutSeconds),
  };
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
    return { ...listening, type: 'menu', options };
  }
  const input: Mutable<InputNode> = { ...listening, type: 'input', next: node.next };
  if (node.collect) input.collect = node.collect;
  if (node.digits !== undefined) {
    input.digits = Array.isArray(node.digits)
      ? { min: node.digits[0], max: node.digits[1] }
      : { min: node.digits, max: node.digits };
  }
  return input;
}

function expectationsOf(
  file: FlowFile,
  at: (path: readonly PathSegment[]) => SourcePosition,
): Expectation[] {
  return (file.expect ?? []).map((entry, index) => ({
    name: entry.name,
    given: Object.fromEntries(Object.entries(entry.given ?? {}).map(([k, v]) => [k, String(v)])),
    ...(entry.reach !== undefined ? { reach: entry.reach } : {}),
    ...(entry.within !== undefined ? { within: within(entry.within) } : {}),
    ...(entry.inputs !== undefined ? { inputs: entry.inputs.map(String) } : {}),
    ...(entry.ends !== undefined ? { ends: entry.ends } : {}),
    at: at(['expect', index]),
  }));
}

function within(value: string | number): Within {
  const steps = typeof value === 'string' ? /^\s*(\d+)\s*steps?\s*$/.exec(value) : null;
  if (steps?.[1]) return { kind: 'steps', steps: Number(steps[1]) };
  return { kind: 'seconds', seconds: parseDuration(value) ?? 0 };
}
