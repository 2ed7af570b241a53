/**
 * The quick way to read a well-formed flow file: js-yaml's event stream carries the offset of
 * every value, so one pass over it builds both the data (each scalar resolved by js-yaml's own
 * core-schema tags) and where each part stands. The `yaml` library explains broken files far
 * better but takes seconds on a flow of thousands of nodes, so it is kept for the files this
 * reader gives up on (source.ts).
 */
import {
  COLLECTION_STYLE,
  CORE_SCHEMA,
  EVENT_ID,
  type Event,
  getScalarValue,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from 'js-yaml';
import { NOT_WRITTEN, type Place, Places, SCAN_LIMIT } from './positions.js';

/** Values aliases may add beyond the file's own: a "billion laughs" file needs far more. */
const MAX_EXPANDED_VALUES = 100_000;
const MAX_DEPTH = 200;
const IMPLICIT_TAGS = CORE_SCHEMA.implicitScalarTags;
/**
 * The core-schema tags that may read a plain scalar, by its first character, as js-yaml itself
 * dispatches them: most scalars (prompts, ids, field names) need no resolver at all.
 */
const TAGS_FOR_ANY_CHARACTER = IMPLICIT_TAGS.filter((tag) => tag.implicitFirstChars === null);
const TAGS_BY_FIRST_CHARACTER = new Map(
  IMPLICIT_TAGS.flatMap((tag) => tag.implicitFirstChars ?? []).map((character) => [
    character,
    IMPLICIT_TAGS.filter(
      (tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.includes(character),
    ),
  ]),
);

export interface QuickRead {
  readonly data: unknown;
  readonly places: Places;
  readonly root: Place;
}

type Container = Record<string, unknown> | unknown[];

/** An open mapping or list. Its entries wait on the reader's stacks until it closes. */
interface Frame {
  readonly start: number;
  readonly flow: boolean;
  readonly mapping: boolean;
  readonly value: Container;
  /** Where its entries begin on the stacks. */
  readonly base: number;
  /** Its own slot among its parent's places, filled when it closes. */
  readonly slot: number;
  /** A mapping's key read, waiting for its value; undefined when the next event is a key. */
  key: string | undefined;
  keyStart: number;
  /** Where that key's text ends: a block scalar's header is looked for after it. */
  keyEnd: number;
  /** A long mapping's keys so far, for finding a key written twice. */
  seen: Set<string> | undefined;
  /** Values inside, aliases expanded: what a consumer of the data will walk. */
  size: number;
  readonly anchor: string | undefined;
}

/** Thrown where the careful reader should take over. */
class GiveUp extends Error {}

/**
 * The data and its positions, or undefined when the file has anything the careful reader should
 * explain or reads differently: a syntax error, a key written twice, several documents, aliases
 * that expand too far or into themselves, explicit tags, keys that are not text or are `~`.
 * `keepAsWritten` names the fields whose numbers keep their digits (`key: 0123`).
 */
export function quickRead(text: string, keepAsWritten: ReadonlySet<string>): QuickRead | undefined {
  try {
    return readEvents(parseEvents(text, { maxDepth: MAX_DEPTH }), text, keepAsWritten);
  } catch {
    // A syntax error (js-yaml throws) or a GiveUp: either way the careful reader explains.
    return undefined;
  }
}

function readEvents(
  events: readonly Event[],
  text: string,
  keepAsWritten: ReadonlySet<string>,
): QuickRead {
  // The open collections' entries wait here, one each per value (a list's with no key), and
  // move to the file's places when their collection closes.
  const open = { keys: [] as string[], keyStarts: [] as number[], values: [] as Place[] };
  const { keys, keyStarts, values } = open;
  const places = new Places();
  const top: Frame = {
    start: 0,
    flow: false,
    mapping: false,
    value: [],
    base: 0,
    slot: -1,
    key: undefined,
    keyStart: 0,
    keyEnd: 0,
    seen: undefined,
    size: 0,
    anchor: undefined,
  };
  const frames: Frame[] = [top];
  const anchors = new Map<string, { value: unknown; size: number; open: boolean }>();
  let documents = 0;
  let ownValues = 0;

  /** Places a value in the open mapping or list, and where it stands. */
  const place = (parent: Frame, value: unknown, where: Place) => {
    values.push(where);
    if (!parent.mapping) {
      keys.push('');
      keyStarts.push(0);
      (parent.value as unknown[]).push(value);
      return;
    }
    const key = parent.key as string;
    parent.key = undefined;
    if (parent.seen === undefined && keys.length - parent.base >= SCAN_LIMIT) {
      parent.seen = new Set(keys.slice(parent.base));
    }
    if (parent.seen ? parent.seen.has(key) : keys.indexOf(key, parent.base) >= 0) {
      throw new GiveUp('a key written twice');
    }
    parent.seen?.add(key);
    keys.push(key);
    keyStarts.push(parent.keyStart);
    // An own property even for `__proto__`, as js-yaml and yaml read it.
    if (key === '__proto__') {
      Object.defineProperty(parent.value, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      (parent.value as Record<string, unknown>)[key] = value;
    }
  };
  const grow = (frame: Frame, size: number) => {
    frame.size += size;
    if (frame.size > ownValues + MAX_EXPANDED_VALUES) throw new GiveUp('an alias bomb');
  };
  /** The place of a closing collection, its entries moved off the stacks. */
  const close = (frame: Frame): Place => {
    const end = values.length;
    const place = frame.mapping
      ? places.addMapping(frame.start, frame.flow, open, frame.base, end)
      : places.addList(frame.start, frame.flow, values, frame.base, end);
    keys.length = frame.base;
    keyStarts.length = frame.base;
    values.length = frame.base;
    return place;
  };

  for (const event of events) {
    const parent = frames[frames.length - 1] as Frame;
    const awaitsKey = parent.mapping && parent.key === undefined;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1) throw new GiveUp('several documents');
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        ownValues++;
        if (event.tagStart >= 0) throw new GiveUp('an explicit tag');
        if (awaitsKey) throw new GiveUp('a key that is not text');
        const mapping = event.type === EVENT_ID.MAPPING;
        const value: Container = mapping ? {} : [];
        const slot = values.length;
        // Its place takes this slot when it closes.
        place(parent, value, NOT_WRITTEN);
        const anchor =
          event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
        if (anchor !== undefined) anchors.set(anchor, { value, size: 1, open: true });
        frames.push({
          start: event.start,
          flow: event.style === COLLECTION_STYLE.FLOW,
          mapping,
          value,
          base: values.length,
          slot,
          key: undefined,
          keyStart: 0,
          keyEnd: 0,
          seen: undefined,
          size: 1,
          anchor,
        });
        break;
      }
      case EVENT_ID.SCALAR: {
        ownValues++;
        if (event.tagStart >= 0) throw new GiveUp('an explicit tag');
        if (awaitsKey) {
          parent.key = keyText(text, event);
          parent.keyStart = Math.max(0, scalarStart(text, event, 0));
          parent.keyEnd = event.valueEnd;
          break;
        }
        const asWritten = parent.key !== undefined && keepAsWritten.has(parent.key);
        const value = scalarValue(text, event, asWritten);
        place(parent, value, scalarStart(text, event, parent.mapping ? parent.keyEnd : 0));
        if (event.anchorStart >= 0) {
          const anchor = text.slice(event.anchorStart, event.anchorEnd);
          anchors.set(anchor, { value, size: 1, open: false });
        }
        grow(parent, 1);
        break;
      }
      case EVENT_ID.ALIAS: {
        ownValues++;
        const anchor = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        if (!anchor || anchor.open) throw new GiveUp('an alias to nothing, or into itself');
        if (awaitsKey) throw new GiveUp('a key that is not text');
        place(parent, anchor.value, Math.max(0, event.anchorStart - 1));
        grow(parent, anchor.size);
        break;
      }
      case EVENT_ID.POP: {
        if (frames.length === 1) break; // the document's end
        const frame = frames.pop() as Frame;
        values[frame.slot] = close(frame);
        if (frame.anchor !== undefined) {
          anchors.set(frame.anchor, { value: frame.value, size: frame.size, open: false });
        }
        grow(frames[frames.length - 1] as Frame, frame.size);
        break;
      }
    }
  }
  return { data: (top.value as unknown[])[0] ?? null, places, root: values[0] ?? NOT_WRITTEN };
}

/** A plain scalar as the core schema reads it: null, a yes/no value, a number, else text. */
function resolvePlain(written: string): unknown {
  const tags = TAGS_BY_FIRST_CHARACTER.get(written.charAt(0)) ?? TAGS_FOR_ANY_CHARACTER;
  for (const tag of tags) {
    const value = tag.resolve(written, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return written;
}

function scalarValue(text: string, event: ScalarEvent, keepNumberAsWritten: boolean): unknown {
  if (event.valueStart < 0) return null;
  const written = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN) return written;
  const value = resolvePlain(written);
  // YAML reads `key: 0123` as 123; a DTMF key or a phone number must keep its digits.
  return keepNumberAsWritten && typeof value === 'number' ? written : value;
}

/** A key as the parsed data names it: `0123:` names the entry "123". */
function keyText(text: string, event: ScalarEvent): string {
  const value = scalarValue(text, event, false);
  // js-yaml names a `~:` entry "", yaml "null": such a file is left to the careful reader.
  if (value === null) throw new GiveUp('a key that is null');
  return String(value);
}

/**
 * Where a scalar is written: at its opening quote, or at the `|` or `>` of a block of text,
 * whose header is looked for after `after` (the key's end, which may hold a ` #`).
 */
function scalarStart(text: string, event: ScalarEvent, after: number): Place {
  if (event.valueStart < 0) return NOT_WRITTEN;
  switch (event.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK: {
      // The text starts on the line after its header (`prompt: |-  # a comment`).
      const headerEnd = Math.max(0, event.valueStart - 1);
      const headerStart = Math.max(after, text.lastIndexOf('\n', headerEnd - 1) + 1);
      const header = text.slice(headerStart, headerEnd).replace(/\s#.*$/, '');
      const indicator = Math.max(header.lastIndexOf('|'), header.lastIndexOf('>'));
      return indicator >= 0 ? headerStart + indicator : event.valueStart;
    }
    default:
      return event.valueStart;
  }
}
