/**
 * Turns the schema's complaints into a designer's words: what is wrong, where, and what to do.
 */
import type * as z from 'zod';
import type { FlowProblem } from './problems.js';
import {
  expectationSchema,
  flowFileSchema,
  handlerSchema,
  limitsSchema,
  NODE_TYPES,
  nodeSchema,
  optionSchema,
} from './schema.js';
import type { PathSegment, SourceMap } from './source.js';
import { didYouMean } from './suggest.js';

type Issue = z.core.$ZodIssue;

const DURATION_FIELDS = new Set(['timeout', 'wait', 'duration']);

/** Names a place in the flow: "node `main`, option 2, `key`". */
export function describePath(path: readonly PathSegment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const previous = path[i - 1];
    const container = segment === 'nodes' || segment === 'options' || segment === 'expect';
    // A container is named by what is in it ("node `main`"), unless the container itself is meant.
    if (container && i < path.length - 1) continue;
    if (previous === 'nodes') parts.push(`node \`${String(segment)}\``);
    else if (previous === 'options') parts.push(`option ${Number(segment) + 1}`);
    else if (previous === 'expect') parts.push(`expectation ${Number(segment) + 1}`);
    else if (typeof segment === 'number') parts.push(`item ${segment + 1}`);
    else parts.push(`\`${segment}\``);
  }
  return parts.length === 0 ? 'the file' : parts.join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(value) ?? String(value);
}

/** The keys allowed in the object at `path`, to suggest the one a typo meant. */
function allowedKeys(path: readonly PathSegment[], data: unknown): string[] {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (path.length === 0) return Object.keys(flowFileSchema.shape);
  if (path.length === 1 && last === 'settings') return ['wordsPerMinute', 'timeout', 'tries'];
  if (path.length === 1 && last === 'limits') return Object.keys(limitsSchema.shape);
  if (parent === 'options') return Object.keys(optionSchema.shape);
  if (parent === 'expect') return Object.keys(expectationSchema.shape);
  if (last === 'noMatch' || last === 'noInput') return Object.keys(handlerSchema.shape);
  if (parent === 'nodes') {
    const type = (valueAt(data, path) as { type?: unknown } | undefined)?.type;
    const option = nodeSchema.options.find((candidate) => candidate.shape.type.value === type);
    return option ? Object.keys(option.shape) : [];
  }
  return [];
}

function typeInWords(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return `${value} (yes/no)`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'number' ? 'the number' : 'the text'} ${shown(value)}`;
}

function expectedInWords(field: PathSegment | undefined, expected: string): string {
  if (field === 'key') return 'a DTMF key: 0-9, "*" or "#", or several digits';
  if (typeof field === 'string' && DURATION_FIELDS.has(field))
    return 'a duration such as 5s, 3m or 1m30s';
  if (field === 'tries') return 'a whole number from 1, or `unlimited`';
  if (field === 'digits') return 'a number of digits, or [min, max]';
  if (field === 'options' || field === 'say' || field === 'expect' || field === 'inputs')
    return 'a list';
  if (expected === 'object' || expected === 'record') return 'a mapping of keys';
  if (expected === 'array') return 'a list';
  if (expected === 'string') return 'text';
  if (expected === 'int') return 'a whole number';
  return expected;
}

function oneIssue(issue: Issue, data: unknown, source: SourceMap, file: string): FlowProblem[] {
  const path = issue.path as PathSegment[];
  const field = path.at(-1);
  const value = valueAt(data, path);
  const where = describePath(path);
  const owner = describePath(path.slice(0, -1));
  const at = (p: readonly PathSegment[], key = false) => ({ file, ...source.at(p, { key }) });

  if (issue.code === 'unrecognized_keys') {
    const known = allowedKeys(path, data);
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const cutPrompt =
        source.isBareKeyInFlowMap(keyPath) && valueAt(data, [...path, 'prompt']) !== undefined;
      return {
        ...at(keyPath, true),
        message: `Unknown key \`${shown(key)}\` in ${describePath(path)}.`,
        hint: cutPrompt
          ? 'The prompt was cut at a comma: inside { ... } a comma ends a value. Put the whole prompt in quotes: prompt: "Sorry, I didn\'t understand you."'
          : (didYouMean(key, known) ??
            (known.length ? `Known keys here: ${known.join(', ')}.` : undefined)),
      };
    });
  }
  if (
    issue.code === 'invalid_union' &&
    'discriminator' in issue &&
    issue.discriminator === 'type'
  ) {
    const type = valueAt(data, path);
    return [
      {
        ...at(path),
        message:
          type === undefined
            ? `${capitalise(describePath(path.slice(0, -1)))} has no \`type\`.`
            : `\`type: ${shown(type)}\` is not a node type.`,
        hint:
          (typeof type === 'string' ? didYouMean(type, NODE_TYPES) : undefined) ??
          `A node is one of: ${NODE_TYPES.join(', ')}.`,
      },
    ];
  }
  if (value === undefined) {
    return [
      {
        ...at(path),
        message: `${capitalise(describePath(path.slice(0, -1)))} needs \`${String(field)}\`.`,
        hint: missingHint(field),
      },
    ];
  }
  if (value === null) {
    return [
      {
        ...at(path),
        message: `${capitalise(where)} has no value.`,
        hint: 'Write a value after the colon, or remove the key.',
      },
    ];
  }
  if (typeof value === 'boolean' && issue.code !== 'invalid_value') {
    return [
      {
        ...at(path),
        message: `${typeof field === 'number' ? capitalise(where) : `\`${String(field)}\` in ${owner}`} was read as the yes/no value ${value}, not as ${expectedInWords(field, 'string')}.`,
        hint: `Put it in quotes: "${value}".`,
      },
    ];
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((v) => String(v));
    return [
      {
        ...at(path),
        message: `${capitalise(where)} cannot be ${shown(value)}.`,
        hint: didYouMean(String(value), allowed) ?? `Write one of: ${allowed.join(', ')}.`,
      },
    ];
  }
  if (issue.code === 'too_small') {
    const empty = Array.isArray(value) || typeof value === 'string';
    return [
      {
        ...at(path),
        message: empty
          ? `${capitalise(where)} is empty.`
          : issue.inclusive === false
            ? `${capitalise(where)} is ${shown(value)}; it must be more than ${String(issue.minimum)}.`
            : `${capitalise(where)} is ${shown(value)}, below ${String(issue.minimum)}.`,
        hint: field === 'options' ? 'A menu needs at least one option.' : undefined,
      },
    ];
  }
  if (issue.code === 'invalid_key') {
    return [
      {
        ...at(path, true),
        message: `${capitalise(where)} is not a usable name.`,
        hint: 'Names start with a letter (of any alphabet) and use letters, digits, `_` and `-`, e.g. `billing_menu` or `hauptmenü`.',
      },
    ];
  }
  const expected = 'expected' in issue ? String(issue.expected) : '';
  if (
    typeof value === 'string' &&
    (issue.code === 'invalid_format' || issue.code === 'invalid_union')
  ) {
    return [{ ...at(path), message: badTextInWords(field, value, owner), hint: formatHint(field) }];
  }
  return [
    {
      ...at(path),
      message: `${capitalise(where)} is ${typeInWords(value)}, but should be ${expectedInWords(field, expected)}.`,
    },
  ];
}

function badTextInWords(field: PathSegment | undefined, value: string, owner: string): string {
  const where = owner;
  const written = `\`${String(field)}: ${shown(value)}\``;
  if (field === 'key') return `${written} in ${where} is not a DTMF key.`;
  if (typeof field === 'string' && DURATION_FIELDS.has(field))
    return `${written} in ${where} is not a duration.`;
  if (field === 'tries')
    return `${written} in ${where} should be a whole number from 1, or unlimited.`;
  if (field === 'within')
    return `${written} in ${where} should be a number of steps (2 steps) or a duration (60s).`;
  return `\`${shown(value)}\` in ${where} is not a usable name.`;
}

function formatHint(field: PathSegment | undefined): string {
  if (field === 'key') return 'A key is 0-9, "*" or "#" in quotes, or several digits (1234).';
  if (typeof field === 'string' && DURATION_FIELDS.has(field))
    return 'Write durations like 5s, 90s, 3m or 1m30s.';
  if (field === 'tries') return 'Write e.g. `tries: 3`, or `tries: unlimited`.';
  if (field === 'within') return 'Write e.g. `within: 2 steps` or `within: 60s`.';
  return 'Names start with a letter (of any alphabet) and use letters, digits, `_` and `-`, e.g. `billing_menu` or `hauptmenü`.';
}

function missingHint(field: PathSegment | undefined): string | undefined {
  switch (field) {
    case 'id':
      return 'Add `id: my-flow` at the top: a short name for the flow, unique among your flows.';
    case 'start':
      return 'Add `start: <node id>` at the top: the node a call starts at.';
    case 'nodes':
      return 'Add `nodes:` with at least one node.';
    case 'next':
      return 'Add `next: <node id>`: where the call goes after this node.';
    case 'prompt':
      return 'Add `prompt: ...` with what the caller hears.';
    default:
      return undefined;
  }
}

/** Every schema complaint as a problem at its place in the file, in file order. */
export function shapeProblems(
  error: z.ZodError,
  data: unknown,
  source: SourceMap,
  file: string,
): FlowProblem[] {
  const problems = error.issues.flatMap((issue) => oneIssue(issue, data, source, file));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
