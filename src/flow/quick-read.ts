/**
 * The quick way to read a well-formed flow file: js-yaml's event stream, which carries the offset
 * of every value, read once for the data and once for where each part stands. The `yaml` library
 * explains broken files far better but takes seconds on a flow of thousands of nodes, so it is
 * kept for the files this reader gives up on (source.ts).
 */
import {
  boolCoreTag,
  CORE_SCHEMA,
  constructFromEvents,
  EVENT_ID,
  type Event,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from 'js-yaml';
import type { Entry, PathSegment, Spot } from './positions.js';

/** Values an alias may expand a file to, beyond its own size: a "billion laughs" file needs far more. */
const MAX_EXPANDED_VALUES = 100_000;
const MAX_DEPTH = 200;
/** Plain keys YAML reads as something other than text: `0123:` names the entry "123". */
const KEY_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
const MAYBE_NOT_TEXT = /^(?:[-+.~0-9]|null$|Null$|NULL$|true$|True$|TRUE$|false$|False$|FALSE$)/;

export interface QuickRead {
  readonly data: unknown;
  readonly root: Spot | undefined;
}

interface Frame {
  readonly spot: Spot;
  readonly segment: PathSegment | undefined;
  /** A mapping's key read, waiting for its value; undefined when the next event is a key. */
  key: { readonly text: string | undefined; readonly start: number } | undefined;
  /** Set while the next value is a key that is itself a mapping or a list (rare; not indexed). */
  readonly ignored: boolean;
  size: number;
  readonly anchor: string | undefined;
}

/**
 * The data and its positions, or undefined when the file has anything the careful reader should
 * explain: a syntax error, a key written twice, several documents, aliases that expand too far.
 * `keepAsWritten` names the fields whose numbers keep their digits (`key: 0123`).
 */
export function quickRead(text: string, keepAsWritten: ReadonlySet<string>): QuickRead | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  let spots: ReturnType<typeof spotsOf>;
  try {
    spots = spotsOf(events, text, keepAsWritten);
  } catch (error) {
    if (error instanceof NullKey) return undefined;
    throw error;
  }
  if (!spots) return undefined;
  let data: unknown;
  try {
    [data] = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  for (const { path, written } of spots.asWritten) {
    const holder = valueAt(data, path.slice(0, -1));
    const field = path.at(-1) as string;
    if (holder && typeof holder === 'object' && typeof (holder as never)[field] === 'number') {
      (holder as Record<string, unknown>)[field] = written;
    }
  }
  return { data: data ?? null, root: spots.root };
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    value = value && typeof value === 'object' ? (value as never)[segment] : undefined;
  }
  return value;
}

function spotsOf(events: readonly Event[], text: string, keepAsWritten: ReadonlySet<string>) {
  const top: Frame = {
    spot: { start: 0, flow: false, items: [] },
    segment: undefined,
    key: undefined,
    ignored: false,
    size: 0,
    anchor: undefined,
  };
  const frames: Frame[] = [];
  const anchorSizes = new Map<string, number>();
  const asWritten: { path: PathSegment[]; written: string }[] = [];
  let documents = 0;
  let ownValues = 0;

  /** Places a value in the open mapping or list; returns its path segment and whether it is ignored. */
  const place = (spot: Spot, keyEvent: ScalarEvent | undefined, isCollection: boolean) => {
    const parent = frames.at(-1) ?? top;
    if (parent.ignored) return { segment: undefined, ignored: true, duplicate: false };
    if (parent.spot.entries) {
      if (!parent.key) {
        parent.key = {
          text: keyEvent ? keyText(text, keyEvent) : undefined,
          start: spot.start ?? 0,
        };
        return { segment: undefined, ignored: isCollection, duplicate: false };
      }
      const { text: key, start } = parent.key;
      parent.key = undefined;
      if (key === undefined) return { segment: undefined, ignored: true, duplicate: false };
      if (parent.spot.entries.has(key)) return { segment: key, ignored: true, duplicate: true };
      parent.spot.entries.set(key, { keyStart: start, value: spot } satisfies Entry);
      return { segment: key, ignored: false, duplicate: false };
    }
    const items = parent.spot.items as Spot[];
    items.push(spot);
    return { segment: items.length - 1, ignored: false, duplicate: false };
  };
  const pathTo = (last: PathSegment): PathSegment[] => [
    // The first frame is the document's own mapping, placed in the top frame as item 0.
    ...frames.slice(1).map((frame) => frame.segment as PathSegment),
    last,
  ];

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1) return undefined;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        ownValues++;
        const spot: Spot =
          event.type === EVENT_ID.MAPPING
            ? { start: event.start, flow: event.style === 2, entries: new Map() }
            : { start: event.start, flow: event.style === 2, items: [] };
        const placed = place(spot, undefined, true);
        if (placed.duplicate) return undefined;
        frames.push({
          spot,
          segment: placed.segment,
          key: undefined,
          ignored: placed.ignored,
          size: 1,
          anchor:
            event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined,
        });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        ownValues++;
        const start =
          event.type === EVENT_ID.SCALAR
            ? scalarStart(text, event)
            : Math.max(0, event.anchorStart - 1);
        const spot: Spot = { start, flow: false };
        const parent = frames.at(-1) ?? top;
        const isKey = parent.spot.entries !== undefined && parent.key === undefined;
        const keyOf = parent.key?.text;
        const placed = place(spot, event.type === EVENT_ID.SCALAR ? event : undefined, false);
        if (placed.duplicate) return undefined;
        let size = 1;
        if (event.type === EVENT_ID.ALIAS) {
          size = anchorSizes.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        } else {
          if (event.anchorStart >= 0)
            anchorSizes.set(text.slice(event.anchorStart, event.anchorEnd), 1);
          if (
            !isKey &&
            !placed.ignored &&
            keyOf !== undefined &&
            keepAsWritten.has(keyOf) &&
            event.style === SCALAR_STYLE.PLAIN &&
            event.tagStart < 0
          ) {
            asWritten.push({
              path: pathTo(keyOf),
              written: text.slice(event.valueStart, event.valueEnd),
            });
          }
        }
        parent.size += size;
        if (parent.size > ownValues + MAX_EXPANDED_VALUES) return undefined;
        break;
      }
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (!frame) break;
        if (frame.anchor !== undefined) anchorSizes.set(frame.anchor, frame.size);
        const parent = frames.at(-1) ?? top;
        parent.size += frame.size;
        if (parent.size > ownValues + MAX_EXPANDED_VALUES) return undefined;
        break;
      }
    }
  }
  return { root: top.spot.items?.[0], asWritten };
}

class NullKey extends Error {}

/** A key as the parsed data names it. */
function keyText(text: string, event: ScalarEvent): string {
  const written = event.valueStart >= 0 ? getScalarValue(text, event) : '';
  if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0 || !MAYBE_NOT_TEXT.test(written)) {
    return written;
  }
  for (const tag of KEY_TAGS) {
    const value = tag.resolve(written, false, tag.tagName);
    // js-yaml names a `~:` entry "", yaml "null": such a file is left to the careful reader.
    if (value === null) throw new NullKey();
    if (value !== NOT_RESOLVED) return String(value);
  }
  return written;
}

/** Where a scalar is written: at its opening quote, or at the `|` or `>` of a block of text. */
function scalarStart(text: string, event: ScalarEvent): number | undefined {
  if (event.valueStart < 0) return undefined;
  switch (event.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK: {
      // The text starts on the line after its header (`prompt: |-  # a comment`).
      const headerEnd = Math.max(0, event.valueStart - 1);
      const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
      const header = text.slice(headerStart, headerEnd).replace(/\s#.*$/, '');
      const indicator = Math.max(header.lastIndexOf('|'), header.lastIndexOf('>'));
      return indicator >= 0 ? headerStart + indicator : event.valueStart;
    }
    default:
      return event.valueStart;
  }
}
