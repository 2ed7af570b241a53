/**
 * Adding an `expect` entry to a flow file as a designer would by hand: the entry is inserted as
 * text and every other byte stays as written (comments, quotes, `[balance]`, CRLF line ends), and
 * a JSON flow stays JSON.
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type YAMLMap,
} from 'yaml';

export interface ExpectationEntry {
  readonly name: string;
  readonly given?: Readonly<Record<string, string>>;
  readonly inputs: readonly string[];
  readonly ends: string;
}

export type AddResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** The flow text with the entry added at the end of its `expect` list (made if missing). */
export function addExpectation(text: string, entry: ExpectationEntry): AddResult {
  const doc = parseDocument(text, { version: '1.2', logLevel: 'silent' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, reason: 'the file is not a valid flow; run `phonemaze validate` on it' };
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const top = doc.contents;
  const list = top.get('expect', true) as Node | null | undefined;
  if (isSeq(list)) {
    const taken = list.items.some((item) => isMap(item) && String(item.get('name')) === entry.name);
    if (taken) {
      return {
        ok: false,
        reason: `the flow already has an expectation named "${entry.name}"; remove it first, or choose another name`,
      };
    }
  }
  const edit = top.flow ? jsonEdit(text, doc, top, list, entry) : yamlEdit(text, top, list, entry);
  if (!edit)
    return { ok: false, reason: 'phonemaze cannot tell where to add the entry in this file' };
  const inserted = edit.insert.replace(/\n/g, newline);
  return { ok: true, text: text.slice(0, edit.at) + inserted + text.slice(edit.at) };
}

interface Edit {
  readonly at: number;
  readonly insert: string;
}

function yamlEdit(
  text: string,
  top: YAMLMap,
  list: Node | null | undefined,
  entry: ExpectationEntry,
): Edit | undefined {
  if (isSeq(list) && !list.flow && list.items.length > 0) {
    const first = list.items[0] as Node;
    const last = list.items.at(-1) as Node;
    const dash = columnOf(text, first.range?.[0] ?? 0) - 2;
    const at = afterLine(text, last.range?.[1] ?? text.length);
    const ending = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return { at, insert: `${ending}${blockItem(entry, dash)}` };
  }
  if (isSeq(list) && list.flow && list.range) {
    const close = text.lastIndexOf(']', list.range[1]);
    const last = list.items.at(-1) as Node | undefined;
    const before = last ? ', ' : '';
    return { at: close, insert: `${before}${yamlFlowItem(entry)}` };
  }
  const keyColumn = columnOf(text, (top.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
  const pair = top.items.find((item) => isScalar(item.key) && item.key.value === 'expect');
  if (pair && (list === null || (isScalar(list) && list.value === null))) {
    // `expect:` written with nothing after it.
    const keyEnd = (pair.key as Node).range?.[1] ?? 0;
    return { at: afterLine(text, keyEnd), insert: blockItem(entry, keyColumn + 2) };
  }
  if (pair) return undefined;
  const ending = text.endsWith('\n') ? '' : '\n';
  return {
    at: text.length,
    insert: `${ending}${' '.repeat(keyColumn)}expect:\n${blockItem(entry, keyColumn + 2)}`,
  };
}

function jsonEdit(
  text: string,
  doc: Document,
  top: YAMLMap,
  list: Node | null | undefined,
  entry: ExpectationEntry,
): Edit | undefined {
  if (isSeq(list) && list.range) {
    const last = list.items.at(-1) as Node | undefined;
    if (!last?.range) {
      const open = text.indexOf('[', list.range[0]);
      return { at: open + 1, insert: jsonItem(entry) };
    }
    return {
      at: last.range[1],
      insert: `,${lineBreakLike(text, last.range[0])}${jsonItem(entry)}`,
    };
  }
  if (list !== undefined) return undefined;
  const lastPair = top.items.at(-1);
  if (!lastPair) return undefined;
  const lastValue = (lastPair.value ?? lastPair.key) as Node | undefined;
  if (!lastValue?.range || !doc.contents?.range) return undefined;
  const keyAt = (lastPair.key as Node | undefined)?.range?.[0] ?? 0;
  const between = lineBreakLike(text, keyAt);
  const inner = between === ' ' ? ' ' : `${between}  `;
  return {
    at: lastValue.range[1],
    insert: `,${between}"expect": [${inner}${jsonItem(entry)}${between}]`,
  };
}

/** The entry as a YAML list item at a dash column, its inner lists in flow style. */
function blockItem(entry: ExpectationEntry, dash: number): string {
  const pad = ' '.repeat(dash);
  const lines = [
    `name: ${yamlScalar(entry.name)}`,
    ...(entry.given ? [`given: ${yamlFlowMap(entry.given)}`] : []),
    `inputs: [${entry.inputs.map(yamlScalar).join(', ')}]`,
    `ends: ${yamlScalar(entry.ends)}`,
  ];
  return lines.map((line, i) => `${pad}${i === 0 ? '- ' : '  '}${line}\n`).join('');
}

function yamlFlowItem(entry: ExpectationEntry): string {
  const parts = [
    `name: ${yamlScalar(entry.name)}`,
    ...(entry.given ? [`given: ${yamlFlowMap(entry.given)}`] : []),
    `inputs: [${entry.inputs.map(yamlScalar).join(', ')}]`,
    `ends: ${yamlScalar(entry.ends)}`,
  ];
  return `{ ${parts.join(', ')} }`;
}

function yamlFlowMap(values: Readonly<Record<string, string>>): string {
  return `{ ${Object.entries(values)
    .map(([key, value]) => `${yamlScalar(key)}: ${yamlScalar(value)}`)
    .join(', ')} }`;
}

/** Plain where YAML reads it back as the same text, else double-quoted (JSON's quoting is YAML's). */
function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_\p{L}][\p{L}\p{N}_\- .]*$/u.test(value) && !/[ .-]$/.test(value);
  const readsAsOther = /^(true|false|null|~|yes|no|on|off)$/i.test(value);
  return plain && !readsAsOther ? value : JSON.stringify(value);
}

function jsonItem(entry: ExpectationEntry): string {
  return `{ ${Object.entries(entry)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value).replace(/,"/g, ', "')}`)
    .join(', ')} }`;
}

/** A line break and the indentation of the line holding `offset`, or a space on one line. */
function lineBreakLike(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart === 0) return ' ';
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return `\n${indent}`;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset just past the line holding `offset`, so a trailing comment stays on its line. */
function afterLine(text: string, offset: number): number {
  const end = text.indexOf('\n', Math.max(0, offset - 1));
  return end === -1 ? text.length : end + 1;
}
