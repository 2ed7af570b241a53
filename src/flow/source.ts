/**
 * Reading flow text as YAML 1.2 (JSON is the same model) while keeping where everything stands,
 * so every later problem can name its line and column (read-yaml.ts), and saying in words what
 * is wrong with a file that cannot be read (yaml-mistakes.ts).
 */
import { checkJson, formatOf, type TextFormat } from './json-text.js';
import { MAX_NESTING, tooDeepAt } from './nesting.js';
import { NOT_WRITTEN, Places, SourceMap } from './positions.js';
import type { FlowProblem } from './problems.js';
import { readYaml } from './read-yaml.js';
import type { SourcePosition } from './types.js';
import { mistakeInWords } from './yaml-mistakes.js';

/** Flow files beyond this are refused before parsing: no menu needs them, and memory does. */
export const MAX_FLOW_BYTES = 32 * 1024 * 1024;
/** Fields whose numbers must keep their digits as written (`key: 0123`, `to: 0800123456`). */
const VERBATIM_NUMBER_FIELDS = new Set(['key', 'to']);

export type { PathSegment } from './positions.js';
export { SourceMap };

export type ReadResult =
  | { readonly ok: true; readonly data: unknown; readonly source: SourceMap }
  | { readonly ok: false; readonly problems: FlowProblem[] };

export interface ReadOptions {
  /** How to read the text; by default, from the file's name (`.json` is JSON). */
  readonly format?: TextFormat;
  /** Take a list as well as a mapping at the top (a file of caller profiles). */
  readonly list?: boolean;
}

/** XML text with its `<!-- comments -->` blanked out, every offset still where it was. */
export function withoutComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The line and column of an offset into a text. */
export function positionAt(text: string, offset: number): SourcePosition {
  return new SourceMap(new Places(), NOT_WRITTEN, text).position(offset);
}

/** Parses flow text, refusing what is not a readable YAML or JSON document. */
export function readFlowText(given: string, file: string, options: ReadOptions = {}): ReadResult {
  const refuse = refusal(file);
  const format = options.format ?? formatOf(file, false);
  let text = given;
  if (format !== 'yaml') {
    const json = checkJson(given, format);
    if (json.mistake) {
      const { line, column } = positionAt(given, json.mistake.offset);
      return refuse(json.mistake.message, json.mistake.hint, line, column);
    }
    text = json.text;
  }
  if (text.length > MAX_FLOW_BYTES) {
    return refuse(
      `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; phonemaze reads flow files up to ${MAX_FLOW_BYTES / 1024 / 1024} MB.`,
      'Split the menu into several flows joined by transfer nodes.',
    );
  }
  if (text.includes('\u0000')) {
    return refuse(
      'This is not a text file (it contains NUL bytes).',
      'A flow file is YAML or JSON text.',
    );
  }
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) {
    // Checked before the reader, in plain words and at the place it starts; the reader's own
    // limit (read-yaml.ts) is higher and stays a backstop.
    const source = new SourceMap(new Places(), NOT_WRITTEN, text);
    const { line, column } = source.position(tooDeep);
    return refuse(
      `The file nests lists or mappings more than ${MAX_NESTING} levels deep, from about here.`,
      'A flow needs a few levels: nodes, a node, its options. Check for brackets or indentation that never close.',
      line,
      column,
    );
  }
  const read = readYaml(text, VERBATIM_NUMBER_FIELDS);
  if (!read.ok) {
    const mistake = mistakeInWords(text, read.mistake);
    const { line, column } = positionAt(text, mistake.offset);
    return refuse(mistake.message, mistake.hint, line, column);
  }
  const source = new SourceMap(read.places, read.root, text);
  const { data } = read;
  if (data === null || typeof data !== 'object' || (Array.isArray(data) && !options.list)) {
    const { line, column } = source.at([]);
    return refuse(
      `A flow file is a mapping of keys (id, start, nodes, ...), but this file holds ${Array.isArray(data) ? 'a list' : 'a single value'}.`,
      'Start the file with `id: my-flow` on a line of its own.',
      line,
      column,
    );
  }
  return { ok: true, data, source };
}

const refusal =
  (file: string) =>
  (message: string, hint?: string, line = 1, column = 1): ReadResult => ({
    ok: false,
    problems: [{ file, line, column, message, ...(hint ? { hint } : {}) }],
  });
