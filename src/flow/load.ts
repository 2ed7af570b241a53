/** Reading a flow file or text into a validated `Flow`, or every problem that stops it. */
import { readFile, stat } from 'node:fs/promises';
import { ZodError, type z } from 'zod';
import { normaliseFlow } from './normalise.js';
import type { PartPositions } from './positions.js';
import { FlowLoadError, type FlowProblem, fileProblem } from './problems.js';
import { referenceProblems } from './references.js';
import { type FlowFile, flowFileSchema, nodeSchema } from './schema.js';
import { shapeProblems } from './shape-errors.js';
import { MAX_FLOW_BYTES, type PathSegment, readFlowText, type SourceMap } from './source.js';
import type { Flow } from './types.js';

export type FlowResult =
  | { readonly ok: true; readonly flow: Flow }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

/** Validates flow text (YAML 1.2 or JSON). `file` names it in problems. Never throws. */
export function parseFlow(text: string, file = '<flow>'): FlowResult {
  try {
    return validateFlowText(text, file);
  } catch (error) {
    // A bug of ours must still not show a designer a stack trace.
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          `phonemaze failed while reading this file: ${error instanceof Error ? error.message : String(error)}`,
          'This is a bug in phonemaze; please report it with the file.',
        ),
      ],
    };
  }
}

function validateFlowText(text: string, file: string): FlowResult {
  const read = readFlowText(text, file);
  if (!read.ok) return read;
  const shape = flowFileSchema.safeParse(read.data);
  const problems = shape.success
    ? referenceProblems(shape.data, read.source, file)
    : withCrossChecks(shape.error.issues, read.data, read.source, file);
  if (problems.length > 0 || !shape.success) {
    return { ok: false, problems: firstOfEachKind(uniqueInFileOrder(problems)) };
  }
  return { ok: true, flow: normaliseFlow(shape.data, read.source, file) };
}

/**
 * A flow's data made in memory (an importer's) read as a flow file is: the same schema and
 * cross-checks, with the parts placed by `positions`. Its problems are its maker's mistakes, so
 * they are told as the schema words them, with the path of the part.
 */
export function flowOfData(data: unknown, positions: PartPositions, file: string): FlowResult {
  const shape = flowFileSchema.safeParse(data);
  const problems = shape.success
    ? referenceProblems(shape.data, positions, file)
    : shape.error.issues.map((issue) => {
        const path = issue.path as PathSegment[];
        return { file, ...positions.at(path), message: `${path.join('.')}: ${issue.message}` };
      });
  if (problems.length > 0 || !shape.success)
    return { ok: false, problems: firstOfEachKind(uniqueInFileOrder(problems)) };
  return { ok: true, flow: normaliseFlow(shape.data, positions, file) };
}

/**
 * Shape problems, and the cross-check problems of the parts that are still well formed once the
 * bad parts are cut out, so that one run shows every problem. A cross-check problem standing on
 * a part that was cut (an option that lost its bad `key`) is a side effect of the cut and dropped.
 */
function withCrossChecks(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  source: SourceMap,
  file: string,
): FlowProblem[] {
  const shape = shapeProblems(new ZodError([...issues]), data, source, file);
  const cutParts = new Set(
    issues.map((issue) => {
      const { line, column } = source.at((issue.path as PathSegment[]).slice(0, -1));
      return `${line}:${column}`;
    }),
  );
  const cross = referenceProblems(
    wellFormedParts(withoutBadParts(data, issues), data),
    source,
    file,
    nodeIdsIn(data),
  ).filter((problem) => !cutParts.has(`${problem.line}:${problem.column}`));
  return [...shape, ...cross];
}

function nodeIdsIn(data: unknown): string[] {
  const nodes = (data as { nodes?: unknown }).nodes;
  return nodes && typeof nodes === 'object' ? Object.keys(nodes) : [];
}

/** A copy of the data with every part the schema complained of removed. */
function withoutBadParts(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      parent =
        parent && typeof parent === 'object'
          ? (parent as Record<string, unknown>)[segment]
          : undefined;
    }
    if (!parent || typeof parent !== 'object') continue;
    const holder = parent as Record<string, unknown>;
    if (issue.code === 'unrecognized_keys') {
      const target =
        path.length === 0 ? copy : (holder[path.at(-1) as string] as Record<string, unknown>);
      for (const key of issue.keys) if (target && typeof target === 'object') delete target[key];
    } else if (path.length > 0 && !(issue.code === 'invalid_union' && path.at(-1) === 'type')) {
      delete holder[path.at(-1) as string];
    }
  }
  return copy;
}

/** The parts of a malformed file that are each well formed, as a flow to cross-check. */
function wellFormedParts(data: unknown, original: unknown): FlowFile {
  const raw = data as Record<string, unknown>;
  const part = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const nodes = raw.nodes && typeof raw.nodes === 'object' ? Object.entries(raw.nodes) : [];
  const expect = Array.isArray(raw.expect) ? raw.expect : [];
  return {
    id: '',
    start: typeof raw.start === 'string' ? raw.start : '',
    conditions:
      part(flowFileSchema.shape.conditions, raw.conditions) ??
      conditionNamesIn((original as Record<string, unknown>).conditions),
    nodes: Object.fromEntries(
      nodes.flatMap(([id, node]) => {
        const parsed = part(nodeSchema, node);
        return parsed ? [[id, parsed]] : [];
      }),
    ),
    // Expectations are cross-checked only when all are well formed, to keep their indexes.
    expect: part(flowFileSchema.shape.expect, expect) ?? [],
  };
}

/** Condition names with their values as text, so branches are not also reported undeclared. */
function conditionNamesIn(conditions: unknown): Record<string, string[]> {
  if (!conditions || typeof conditions !== 'object') return {};
  return Object.fromEntries(
    Object.entries(conditions).map(([name, values]) => [
      name,
      Array.isArray(values) ? Array.from(values, (value) => String(value)) : [],
    ]),
  );
}

function uniqueInFileOrder(problems: readonly FlowProblem[]): FlowProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((problem) => {
      const key = `${problem.line}:${problem.column}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** How many problems of one kind are told one by one; the rest are counted. */
export const PROBLEMS_PER_KIND = 20;

/**
 * The first problems of each kind and a count of the rest: a generated file with 100,000 options
 * naming missing nodes must not print 24 MB. Problems are of one kind when their messages differ
 * only in names (`...`) and numbers.
 */
function firstOfEachKind(problems: readonly FlowProblem[]): FlowProblem[] {
  const kindOf = (problem: FlowProblem) =>
    problem.message.replace(/`[^`]*`/g, '`…`').replace(/\d+/g, 'N');
  const told = new Map<string, number>();
  const left = new Map<string, { first: FlowProblem; count: number }>();
  const kept: FlowProblem[] = [];
  for (const problem of problems) {
    const kind = kindOf(problem);
    const count = told.get(kind) ?? 0;
    if (count < PROBLEMS_PER_KIND) {
      told.set(kind, count + 1);
      kept.push(problem);
    } else {
      const rest = left.get(kind);
      if (rest) rest.count += 1;
      else left.set(kind, { first: problem, count: 1 });
    }
  }
  for (const { first, count } of left.values()) {
    kept.push({
      file: first.file,
      line: first.line,
      column: first.column,
      message: `And ${count.toLocaleString('en')} more like this, from here on: ${first.message}`,
      hint: 'Mend the ones above first; the rest are most likely the same mistake.',
    });
  }
  return kept.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A file's text, as every reader of flows and exports takes it: or why it cannot be read. */
export type FileText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

/** Reads a file as UTF-8 text, refusing folders, binary files and files past the size limit. */
export async function readFileText(path: string): Promise<FileText> {
  const refuse = (message: string, hint?: string): FileText => ({
    ok: false,
    problems: [fileProblem(path, message, hint)],
  });
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return refuse('This is a folder, not a flow file.');
    if (info.size > MAX_FLOW_BYTES) {
      return refuse(
        `The file is ${(info.size / 1024 / 1024).toFixed(1)} MB; phonemaze reads flow files up to ${MAX_FLOW_BYTES / 1024 / 1024} MB.`,
        'Split the menu into several flows joined by transfer nodes.',
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return refuse(
        'There is no such file.',
        'Check the path; flow files end in .yaml, .yml or .json.',
      );
    if (code === 'EACCES') return refuse('The file cannot be read (permission denied).');
    return refuse(`The file cannot be read: ${(error as Error).message}`);
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    };
  } catch {
    return refuse(
      'This is not a text file (it is not UTF-8).',
      'A flow file is YAML or JSON text, saved as UTF-8.',
    );
  }
}

/** Reads and validates a flow file. Never throws: unreadable files come back as problems. */
export async function readFlowFile(path: string): Promise<FlowResult> {
  const read = await readFileText(path);
  return read.ok ? parseFlow(read.text, path) : read;
}

/** Like `parseFlow`, but returns the flow or throws a `FlowLoadError` with every problem. */
export function loadFlow(text: string, file?: string): Flow {
  const result = parseFlow(text, file);
  if (!result.ok) throw new FlowLoadError(result.problems);
  return result.flow;
}

/** Like `readFlowFile`, but returns the flow or throws a `FlowLoadError` with every problem. */
export async function loadFlowFile(path: string): Promise<Flow> {
  const result = await readFlowFile(path);
  if (!result.ok) throw new FlowLoadError(result.problems);
  return result.flow;
}
