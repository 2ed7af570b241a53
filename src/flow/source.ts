/**
 * Reading flow text as YAML 1.2 (JSON is the same model) while keeping where everything stands,
 * so every later problem can name its line and column. A well-formed file takes the quick way
 * (quick-read.ts); any other is read by the `yaml` library, which says what is wrong in words.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node, Scalar, YAMLError } from 'yaml';
import { checkJson, formatOf, type TextFormat } from './json-text.js';
import { MAX_NESTING, tooDeepAt } from './nesting.js';
import { NOT_WRITTEN, type Place, Places, SourceMap } from './positions.js';
import type { FlowProblem } from './problems.js';
import { quickRead } from './quick-read.js';
import type { SourcePosition } from './types.js';

/** Flow files beyond this are refused before parsing: no menu needs them, and memory does. */
export const MAX_FLOW_BYTES = 32 * 1024 * 1024;
/** Aliases a file may expand; a "billion laughs" file needs far more. */
const MAX_ALIAS_COUNT = 200;
/** Fields whose numbers must keep their digits as written (`key: 0123`, `to: 0800123456`). */
const VERBATIM_NUMBER_FIELDS = new Set(['key', 'to']);

let yamlModule: typeof Yaml | undefined;
/** The `yaml` library, loaded when a file needs explaining: most never do, and it takes 35 ms. */
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

export type { PathSegment } from './positions.js';
export { SourceMap };

/** The `yaml` library's document as the places the source map reads. */
function placeOf(node: unknown, places: Places): Place {
  const start = rangeStart(node);
  if (yaml().isMap(node)) {
    const entries = { keys: [] as string[], keyStarts: [] as number[], values: [] as Place[] };
    const seen = new Set<string>();
    for (const pair of node.items) {
      const text = keyText(pair.key);
      if (text === undefined || seen.has(text)) continue;
      seen.add(text);
      entries.keys.push(text);
      entries.keyStarts.push(rangeStart(pair.key) ?? start ?? 0);
      entries.values.push(placeOf(pair.value, places));
    }
    return places.addMapping(start ?? 0, node.flow === true, entries, 0, entries.keys.length);
  }
  if (yaml().isSeq(node)) {
    const items = node.items.map((item) => placeOf(item, places));
    return places.addList(start ?? 0, node.flow === true, items, 0, items.length);
  }
  const unwritten =
    node === null || (yaml().isScalar(node) && node.value === null && node.source === '');
  return unwritten ? NOT_WRITTEN : (start ?? NOT_WRITTEN);
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
    ? (node.range[0] as number)
    : undefined;
}

function keyText(key: unknown): string | undefined {
  return yaml().isScalar(key) ? String(key.value) : undefined;
}

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
    // Checked before any reader: the readers recurse, and a stack overflow inside V8's regular
    // expression compiler ends the process instead of throwing.
    const source = new SourceMap(new Places(), NOT_WRITTEN, text);
    const { line, column } = source.position(tooDeep);
    return refuse(
      `The file nests lists or mappings more than ${MAX_NESTING} levels deep, from about here.`,
      'A flow needs a few levels: nodes, a node, its options. Check for brackets or indentation that never close.',
      line,
      column,
    );
  }
  const quick = quickRead(text, VERBATIM_NUMBER_FIELDS);
  if (
    quick &&
    quick.data !== null &&
    typeof quick.data === 'object' &&
    (options.list || !Array.isArray(quick.data))
  ) {
    return { ok: true, data: quick.data, source: new SourceMap(quick.places, quick.root, text) };
  }
  return readCarefully(text, file, options.list);
}

const refusal =
  (file: string) =>
  (message: string, hint?: string, line = 1, column = 1): ReadResult => ({
    ok: false,
    problems: [{ file, line, column, message, ...(hint ? { hint } : {}) }],
  });

/**
 * Reads with the `yaml` library, which names every problem of a broken file in plain words.
 * Exported for the test that holds the quick reader to it.
 */
export function readCarefully(text: string, file: string, list = false): ReadResult {
  const refuse = refusal(file);
  const doc = yaml().parseDocument(text, {
    version: '1.2',
    // Checked below in linear time: yaml's own check compares each key with every earlier one,
    // which takes seconds on a flow of thousands of nodes.
    uniqueKeys: false,
    prettyErrors: false,
    keepSourceTokens: false,
    // What the library would warn of on stderr is either reported by us or harmless.
    logLevel: 'silent',
  });
  const places = new Places();
  const source = new SourceMap(places, placeOf(doc.contents, places), text);
  const broken = [
    ...doc.errors.map((error) => ({
      offset: unclosedQuoteAt(doc, error) ?? error.pos[0],
      code: error.code as string,
      message: error.message,
    })),
    ...duplicateKeys(doc).map((offset) => ({ offset, code: 'DUPLICATE_KEY', message: '' })),
  ];
  if (broken.length > 0) {
    return {
      ok: false,
      problems: broken
        .sort((a, b) => a.offset - b.offset)
        .map((error) => ({
          file,
          ...source.position(error.offset),
          ...yamlErrorInWords(error.code, error.message),
        })),
    };
  }
  if (doc.contents === null) {
    return refuse(
      'The file is empty.',
      'A flow needs at least `id`, `start` and `nodes`; see the example in the README.',
    );
  }
  keepNumbersAsWritten(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return refuse(
        'The file expands too many YAML aliases (*name); it looks like an "alias bomb".',
        `Write the repeated parts out, or use fewer than ${MAX_ALIAS_COUNT} aliases.`,
      );
    }
    return refuse(`The file could not be read as YAML: ${message}`);
  }
  if (data === null || typeof data !== 'object' || (Array.isArray(data) && !list)) {
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

/**
 * The library finds a missing closing quote where the file ends; the designer needs the quote
 * that opens it, at the start of the text that ran on.
 */
function unclosedQuoteAt(doc: Document, error: YAMLError): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/closing ["']?quote/i.test(error.message)) return undefined;
  let opening: number | undefined;
  yaml().visit(doc, {
    Scalar(_, scalar) {
      const range = scalar.range;
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      if (quoted && range && range[0] < error.pos[0] && range[1] >= error.pos[0] - 1) {
        opening = range[0];
      }
    },
  });
  return opening;
}

/** Where a key is written a second time in the same mapping. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  yaml().visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!yaml().isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) offsets.push(pair.key.range?.[0] ?? 0);
        seen.add(pair.key.value);
      }
    },
  });
  return offsets;
}

/** YAML 1.2 reads `key: 0123` as 123; a DTMF key or a phone number must keep its digits. */
function keepNumbersAsWritten(doc: Document): void {
  yaml().visit(doc, {
    Pair(_, pair) {
      if (!yaml().isScalar(pair.key) || !VERBATIM_NUMBER_FIELDS.has(String(pair.key.value))) return;
      const value = pair.value as Node | null;
      if (yaml().isScalar(value) && typeof value.value === 'number' && hasSource(value)) {
        value.value = value.source;
      }
    },
  });
}

function hasSource(scalar: Scalar): scalar is Scalar & { source: string } {
  return typeof (scalar as { source?: unknown }).source === 'string' && scalar.type === 'PLAIN';
}

function yamlErrorInWords(code: string, raw: string): { message: string; hint?: string } {
  const said = raw.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? raw;
  switch (code) {
    case 'DUPLICATE_KEY':
      return {
        message: 'This key is written twice in the same place.',
        hint: 'Each node id and each setting may appear once; rename or remove one of them.',
      };
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: `This is not valid YAML: ${said}.`,
        hint: 'Check the indentation, and put text with `:`, `#`, `{` or `[` in quotes.',
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        message:
          'The file nests lists or mappings too deeply to read (hundreds of levels, from about here).',
        hint: 'A flow needs a few levels: nodes, a node, its options. Check for brackets or indentation that never close.',
      };
    case 'MISSING_CHAR':
      if (/closing ["']?quote/i.test(raw)) {
        return {
          message: 'This quote is never closed, so the rest of the file is read as its text.',
          hint: 'End the text with the same quote it starts with.',
        };
      }
      return {
        message: `This is not valid YAML: ${said}.`,
        hint: 'Check the indentation, and put text with `:`, `#`, `{` or `[` in quotes.',
      };
    case 'MULTIPLE_DOCS':
      return {
        message: 'The file holds several YAML documents (separated by ---).',
        hint: 'Put one flow in each file.',
      };
    default:
      return {
        message: `This is not valid YAML: ${said}.`,
        hint: 'Check the indentation and quotes on this line.',
      };
  }
}
