/**
 * YAML text to data, with where each value stands, in one pass over js-yaml's documented event
 * stream (`parseEvents`: every value with its offsets in the text). The data is made here rather
 * than by `constructFromEvents` so that the places and the data come from the same walk; a test
 * holds the two to the same data. Scalars are resolved by the core schema's own tag definitions.
 */
import {
  CORE_SCHEMA,
  EVENT_ID,
  type Event,
  getScalarValue,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
  type ScalarTagDefinition,
  YAMLException,
} from 'js-yaml';
import { NOT_WRITTEN, type Place, Places } from './positions.js';

/** Values aliases may add beyond the file's own: a "billion laughs" file needs far more. */
export const MAX_EXPANDED_VALUES = 100_000;
/** The deepest nesting js-yaml is asked to read; flow files are checked against less first. */
const MAX_DEPTH = 250;

export interface YamlDocument {
  readonly data: unknown;
  readonly places: Places;
  readonly root: Place;
}

/** Why a text is not one readable document, and where. */
export interface YamlMistake {
  readonly offset: number;
  readonly kind:
    | 'syntax'
    | 'duplicate-key'
    | 'several-documents'
    | 'empty'
    | 'alias-bomb'
    | 'alias-into-itself'
    | 'key-not-text'
    | 'unknown-tag';
  /** js-yaml's own words for a syntax error. */
  readonly reason?: string;
}

export type YamlRead =
  | ({ readonly ok: true } & YamlDocument)
  | { readonly ok: false; readonly mistake: YamlMistake };

/** Thrown inside the walk; turned into a `YamlMistake` at its end. */
class Refused extends Error {
  constructor(readonly mistake: YamlMistake) {
    super(mistake.kind);
  }
}

/** A mapping or a list still open, with its entries as `Places` wants them. */
interface Open {
  readonly start: number;
  readonly flow: boolean;
  readonly data: Record<string, unknown> | unknown[];
  readonly keys: string[];
  readonly keyStarts: number[];
  readonly values: Place[];
  readonly anchor: string | undefined;
  /** The key read, whose value comes next; undefined when a key comes next. */
  key: string | undefined;
  /** How many values it stands for, with aliases expanded. */
  size: number;
}

interface Anchored {
  readonly data: unknown;
  readonly size: number;
  /** Still open: an alias to it would put it inside itself. */
  open: boolean;
}

const implicitByFirst = new Map<string, ScalarTagDefinition[]>();
const implicitAny: ScalarTagDefinition[] = [];
for (const tag of CORE_SCHEMA.tags) {
  if (tag.nodeKind !== 'scalar' || !tag.implicit) continue;
  if (tag.implicitFirstChars === null) {
    implicitAny.push(tag);
    for (const list of implicitByFirst.values()) list.push(tag);
    continue;
  }
  for (const first of tag.implicitFirstChars) {
    const list = implicitByFirst.get(first) ?? [...implicitAny];
    list.push(tag);
    implicitByFirst.set(first, list);
  }
}

/** A plain scalar as the core schema reads it: null, a yes/no value, a number, or text. */
function plainValue(source: string): unknown {
  for (const tag of implicitByFirst.get(source.charAt(0)) ?? implicitAny) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

/** The full name of a tag as written (`!!str` is `tag:yaml.org,2002:str`). */
function tagName(written: string): string {
  if (written.startsWith('!<') && written.endsWith('>')) return written.slice(2, -1);
  if (written.startsWith('!!')) return `tag:yaml.org,2002:${written.slice(2)}`;
  return written;
}

/**
 * Reads one YAML document. `keepAsWritten` names the fields whose numbers keep their digits:
 * YAML reads `key: 0123` as 123, and a DTMF key or a phone number must not lose its zero.
 */
export function readYaml(text: string, keepAsWritten: ReadonlySet<string>): YamlRead {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      ok: false,
      mistake: { kind: 'syntax', offset: error.mark?.position ?? 0, reason: error.reason },
    };
  }
  try {
    return { ok: true, ...walk(text, events, keepAsWritten) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, mistake: error.mistake };
    throw error;
  }
}

function walk(text: string, events: Event[], keepAsWritten: ReadonlySet<string>): YamlDocument {
  const places = new Places();
  const open: Open[] = [];
  const anchors = new Map<string, Anchored>();
  let documents = 0;
  let ownValues = 0;
  let result: { data: unknown; place: Place } | undefined;
  const refuse = (kind: YamlMistake['kind'], offset: number): never => {
    throw new Refused({ kind, offset });
  };
  const anchorOf = (event: { anchorStart: number; anchorEnd: number }) =>
    event.anchorStart < 0 ? undefined : text.slice(event.anchorStart, event.anchorEnd);

  /** A value complete: into the collection that holds it, or the document's own. */
  const place = (start: number, data: unknown, where: Place, size: number, anchor?: string) => {
    if (anchor !== undefined) anchors.set(anchor, { data, size, open: false });
    const owner = open.at(-1);
    if (!owner) {
      result = { data, place: where };
      return;
    }
    owner.size += size;
    if (owner.size > ownValues + MAX_EXPANDED_VALUES) refuse('alias-bomb', start);
    if (Array.isArray(owner.data)) {
      owner.data.push(data);
      owner.values.push(where);
      return;
    }
    const key = owner.key as string;
    owner.key = undefined;
    if (key === '__proto__') {
      // An own key like any other, not the object's prototype.
      Object.defineProperty(owner.data, key, { value: data, enumerable: true, writable: true });
    } else {
      owner.data[key] = data;
    }
    owner.values.push(where);
  };

  /** A key read: the text the data names it by. Keys are names, not lists or mappings. */
  const key = (owner: Open, name: string, start: number) => {
    if (Object.hasOwn(owner.data, name)) refuse('duplicate-key', start);
    owner.key = name;
    owner.keys.push(name);
    owner.keyStarts.push(start);
  };

  const expectsKey = () => {
    const owner = open.at(-1);
    return owner !== undefined && !Array.isArray(owner.data) && owner.key === undefined
      ? owner
      : undefined;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1) refuse('several-documents', 0);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = event.start;
        if (expectsKey()) refuse('key-not-text', start);
        if (event.tagStart >= 0) {
          const name = tagName(text.slice(event.tagStart, event.tagEnd));
          const wanted = event.type === EVENT_ID.MAPPING ? 'map' : 'seq';
          if (name !== `tag:yaml.org,2002:${wanted}`) refuse('unknown-tag', event.tagStart);
        }
        const anchor = anchorOf(event);
        const data = event.type === EVENT_ID.MAPPING ? {} : [];
        if (anchor !== undefined) anchors.set(anchor, { data, size: 1, open: true });
        open.push({
          start,
          flow: event.style === 2,
          data,
          keys: [],
          keyStarts: [],
          values: [],
          anchor,
          key: undefined,
          size: 1,
        });
        ownValues++;
        break;
      }
      case EVENT_ID.POP: {
        const closing = open.pop();
        if (!closing) break;
        const where = Array.isArray(closing.data)
          ? places.addList(closing.start, closing.flow, closing.values, 0, closing.values.length)
          : places.addMapping(closing.start, closing.flow, closing, 0, closing.keys.length);
        place(closing.start, closing.data, where, closing.size, closing.anchor);
        break;
      }
      case EVENT_ID.SCALAR: {
        ownValues++;
        const owner = expectsKey();
        const value = scalarValue(text, event);
        const start = startOf(text, event);
        if (owner) {
          key(owner, String(value), start < 0 ? owner.start : start);
          const anchor = anchorOf(event);
          if (anchor !== undefined) anchors.set(anchor, { data: value, size: 1, open: false });
          break;
        }
        const parent = open.at(-1);
        const verbatim =
          typeof value === 'number' &&
          event.style === SCALAR_STYLE.PLAIN &&
          event.tagStart < 0 &&
          parent?.key !== undefined &&
          keepAsWritten.has(parent.key);
        const data = verbatim ? text.slice(event.valueStart, event.valueEnd) : value;
        place(start, data, start < 0 ? NOT_WRITTEN : start, 1, anchorOf(event));
        break;
      }
      case EVENT_ID.ALIAS: {
        ownValues++;
        const start = event.anchorStart - 1;
        const target = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        if (!target || target.open) refuse('alias-into-itself', start);
        const { data, size } = target as Anchored;
        const owner = expectsKey();
        if (owner) {
          if (typeof data === 'object' && data !== null) refuse('key-not-text', start);
          key(owner, String(data), start);
        } else {
          place(start, data, start, size);
        }
        break;
      }
    }
  }
  // No document, or one with nothing in it (`---` alone).
  if (!result || (result.data === null && result.place === NOT_WRITTEN)) refuse('empty', 0);
  const { data, place: root } = result as { data: unknown; place: Place };
  return { data, places, root };
}

const BAR = 0x7c;
const GREATER = 0x3e;

/** From a block scalar's `|` or `>` to where its text starts: the header, then blank lines. */
const BLOCK_HEADER = /^[|>][-+0-9]*(?:[ \t]+#[^\n]*)?[ \t]*(?:\r?\n[ \t]*)*$/;

/**
 * Where a scalar is written, as a designer sees it: a quoted one at its opening quote and a
 * block one at its `|` or `>`, which the event's offsets leave out.
 */
function startOf(text: string, event: ScalarEvent): number {
  const { style, valueStart } = event;
  if (valueStart < 0) return valueStart;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
    return valueStart - 1;
  }
  if (style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK) {
    // The nearest `|` or `>` before the text that only a header and blank lines follow: a key
    // before it may hold either character.
    for (let at = valueStart - 1; at >= 0 && at >= valueStart - 1000; at--) {
      const character = text.charCodeAt(at);
      if (
        (character === BAR || character === GREATER) &&
        BLOCK_HEADER.test(text.slice(at, valueStart))
      )
        return at;
    }
    return valueStart;
  }
  return valueStart;
}

/**
 * A plain scalar on one line is its text as written (YAML 1.2, 7.3.3): only line folding
 * changes a plain scalar, so only one that runs over lines is decoded.
 */
function plainText(text: string, event: ScalarEvent): string {
  const written = text.slice(event.valueStart, event.valueEnd);
  return written.includes('\n') ? getScalarValue(text, event) : written;
}

function scalarValue(text: string, event: ScalarEvent): unknown {
  if (event.valueStart < 0) return event.tagStart < 0 ? null : tagged(text, event, '');
  const source =
    event.style === SCALAR_STYLE.PLAIN ? plainText(text, event) : getScalarValue(text, event);
  if (event.tagStart >= 0) return tagged(text, event, source);
  return event.style === SCALAR_STYLE.PLAIN ? plainValue(source) : source;
}

/** A scalar with an explicit tag, read by the core schema's definition of that tag. */
function tagged(text: string, event: ScalarEvent, source: string): unknown {
  const written = text.slice(event.tagStart, event.tagEnd);
  if (written === '!') return source;
  const name = tagName(written);
  for (const tag of CORE_SCHEMA.tags) {
    if (tag.nodeKind !== 'scalar' || tag.tagName !== name) continue;
    const value = tag.resolve(source, true, name);
    if (value !== NOT_RESOLVED) return value;
  }
  throw new Refused({ kind: 'unknown-tag', offset: event.tagStart });
}
