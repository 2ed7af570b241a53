/**
 * The quick way to read a well-formed flow file: js-yaml builds the data, and its listener,
 * called as each value opens and closes, says where each value stands. The `yaml` library
 * explains broken files far better but takes seconds on a flow of thousands of nodes, so it is
 * kept for the files this reader gives up on (source.ts).
 *
 * js-yaml tries some values more than one way (a list item is first read as a mapping's key),
 * so the listener hears of values that end up as no entry. Every collection is therefore held
 * to what js-yaml built: the values heard inside it must be its entries, in order, or the
 * careful reader takes over.
 */
import { CORE_SCHEMA, type LoadOptions, load, type State } from 'js-yaml';
import { NOT_WRITTEN, type Place, Places } from './positions.js';

/** Values aliases may add beyond the file's own: a "billion laughs" file needs far more. */
const MAX_EXPANDED_VALUES = 100_000;
const MAX_DEPTH = 200;
/**
 * Numbers as YAML 1.2's core schema writes them, which the careful reader follows; js-yaml 4
 * also reads `0b101`, `+0x1F` and `-0o7` as numbers. Those start with 0, + or -.
 */
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** A plain scalar's text up to the first space or flow indicator: all a number can be. */
const PLAIN_WORD = /[^\s,[\]{}:#]+/y;
/** An anchor's or an alias's name, as js-yaml ends it. */
const NAME = /[^\s,[\]{}]+/y;

// What each value heard is; ANCHORED is added to a value that carries an anchor.
const EMPTY = 0;
const SCALAR = 1;
const ALIAS = 2;
const COLLECTION = 3;
const ANCHORED = 4;

const AMPERSAND = 0x26;
const EXCLAMATION = 0x21;
const ASTERISK = 0x2a;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const BYTE_ORDER_MARK = 0xfeff;
const ZERO = 0x30;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const PLUS = 0x2b;
const MINUS = 0x2d;

export interface QuickRead {
  readonly data: unknown;
  readonly places: Places;
  readonly root: Place;
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
    return readWithListener(text, keepAsWritten);
  } catch {
    // A syntax error (js-yaml throws) or a GiveUp: either way the careful reader explains.
    return undefined;
  }
}

function readWithListener(text: string, keepAsWritten: ReadonlySet<string>): QuickRead {
  const places = new Places();
  // Per value still open: where js-yaml opened it, and where its values begin on the stacks.
  const openedAt: number[] = [];
  const firstInside: number[] = [];
  // Per value closed whose collection is still open: where its text starts, its place, the
  // value js-yaml made, how many values it stands for with aliases expanded, and what it is.
  const starts: number[] = [];
  const heard: Place[] = [];
  const values: unknown[] = [];
  const sizes: number[] = [];
  const kinds: number[] = [];
  // A mapping's entries or a list's items on their way into `places`, as Places wants them;
  // only the first ones, as many as the collection has, are its own.
  const entries = { keys: [] as string[], keyStarts: [] as number[], values: [] as Place[] };
  const itemPlaces: Place[] = [];
  // How many of the stacks' entries are in use: the arrays are not cut back (setting an array's
  // length is slow), what lies above is overwritten.
  let used = 0;
  const anchors = new Map<string, { readonly value: unknown; readonly size: number }>();
  let ownValues = 0;
  // js-yaml reads the text without its byte order mark, and counts from there.
  const skippedMark = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;

  const keep = (start: number, place: Place, value: unknown, size: number, kind: number) => {
    starts[used] = start;
    heard[used] = place;
    values[used] = value;
    sizes[used] = size;
    kinds[used] = kind;
    used++;
  };

  /**
   * A closed list: its items must be the values heard inside it, but for empty items (`-` and
   * nothing), which js-yaml adds unheard. When some are missing, every value heard must be
   * something other than null, or which item is which cannot be told.
   */
  const list = (start: number, items: unknown[], from: number, to: number) => {
    const missing = items.length - (to - from);
    let size = 1;
    let entry = from;
    for (let item = 0; item < items.length; item++) {
      const value = items[item];
      // With items missing, every null is taken for one: a null heard too is left over below.
      if (missing > 0 && value === null) {
        itemPlaces[item] = NOT_WRITTEN;
        size += 1;
        continue;
      }
      if (entry >= to || !Object.is(values[entry], value)) throw new GiveUp('a list read two ways');
      itemPlaces[item] = heard[entry] as Place;
      size += sizes[entry] as number;
      entry++;
    }
    if (entry !== to) throw new GiveUp('a list read two ways');
    const flow = text.charCodeAt(start) === OPEN_BRACKET;
    return { place: places.addList(start, flow, itemPlaces, 0, items.length), size };
  };

  /** A closed mapping: keys and values heard in turn; a bare key (`{ a, b: 1 }`) has no value. */
  const mapping = (start: number, data: Record<string, unknown>, from: number, to: number) => {
    let size = 1;
    let count = 0;
    let entry = from;
    while (entry < to) {
      const kind = kinds[entry] as number;
      // js-yaml looks for one more key where there is none (before a `...`), and finds nothing.
      if (kind === EMPTY && entry === to - 1) break;
      const written = values[entry];
      if (kind !== SCALAR || written === null) throw new GiveUp('a key that is not text');
      const key = String(written);
      if (key === '__proto__') throw new GiveUp('a key the careful reader should place');
      const value = data[key];
      const next = entry + 1;
      // The next value heard is this key's, unless this key is bare and the next is a key.
      const bare = value === null && (next >= to || values[next] !== null);
      if (!bare && (next >= to || !Object.is(values[next], value))) {
        throw new GiveUp('a mapping read two ways');
      }
      entries.keys[count] = key;
      entries.keyStarts[count] = starts[entry] as number;
      entries.values[count] = bare ? NOT_WRITTEN : (heard[next] as Place);
      if (!bare) {
        size += sizes[next] as number;
        if (typeof value === 'number' && keepAsWritten.has(key)) {
          // YAML reads `key: 0123` as 123; a DTMF key or a phone number must keep its digits.
          if (kinds[next] !== SCALAR) throw new GiveUp('a number to keep behind an anchor');
          data[key] = runAt(PLAIN_WORD, text, starts[next] as number);
        }
      }
      entry = bare ? next : next + 1;
      count++;
    }
    if (Object.keys(data).length !== count) throw new GiveUp('a mapping read two ways');
    return {
      place: places.addMapping(start, text.charCodeAt(start) === OPEN_BRACE, entries, 0, count),
      size,
    };
  };

  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      openedAt.push(state.position + skippedMark);
      firstInside.push(used);
      return;
    }
    const from = firstInside.pop() as number;
    const to = used;
    let start = skipSeparation(text, openedAt.pop() as number);
    let anchor: string | undefined;
    const first = text.charCodeAt(start);
    if (first === AMPERSAND || first === EXCLAMATION) ({ start, anchor } = properties(text, start));
    const { kind: read, result } = state;
    ownValues++;
    let place: Place;
    let size = 1;
    let kind: number;
    if (read === 'mapping' || read === 'sequence') {
      kind = COLLECTION;
      if (
        to - from === 1 &&
        ((kinds[from] as number) & ~ANCHORED) === COLLECTION &&
        values[from] === result
      ) {
        // Tried as a mapping's key, then kept as the value itself.
        place = heard[from] as Place;
        size = sizes[from] as number;
      } else {
        const closed =
          read === 'sequence'
            ? list(start, result as unknown[], from, to)
            : mapping(start, result as Record<string, unknown>, from, to);
        place = closed.place;
        size = closed.size;
        if (size > ownValues + MAX_EXPANDED_VALUES) throw new GiveUp('an alias bomb');
      }
    } else if (read === 'scalar') {
      kind = SCALAR;
      place = start;
      if (
        typeof result === 'number' &&
        mayDiffer(text.charCodeAt(start)) &&
        !CORE_NUMBER.test(runAt(PLAIN_WORD, text, start))
      ) {
        throw new GiveUp('a number YAML 1.2 reads as text');
      }
    } else if (text.charCodeAt(start) === ASTERISK) {
      kind = ALIAS;
      place = start;
      const target = anchors.get(runAt(NAME, text, start + 1));
      // An alias to a collection still open points into itself.
      if (!target || !Object.is(target.value, result)) throw new GiveUp('an alias into itself');
      size = target.size;
    } else {
      kind = EMPTY;
      place = NOT_WRITTEN;
    }
    used = from;
    if (anchor !== undefined) {
      anchors.set(anchor, { value: result, size });
      kind |= ANCHORED;
    }
    keep(start, place, result, size, kind);
  };

  // js-yaml 4 reads `maxDepth` though its types do not name it.
  const options: LoadOptions & { readonly maxDepth: number } = {
    schema: CORE_SCHEMA,
    maxDepth: MAX_DEPTH,
    listener,
  };
  const data = load(text, options);
  if (data === undefined) return { data: null, places, root: NOT_WRITTEN };
  if (used !== 1 || !Object.is(values[0], data)) throw new GiveUp('a document read two ways');
  return { data, places, root: heard[0] as Place };
}

/** Past a value's anchor to its own text. An explicit tag is left to the careful reader. */
function properties(text: string, from: number): { start: number; anchor: string } {
  if (text.charCodeAt(from) === EXCLAMATION) throw new GiveUp('an explicit tag');
  const anchor = runAt(NAME, text, from + 1);
  const start = skipSeparation(text, from + 1 + anchor.length);
  if (text.charCodeAt(start) === EXCLAMATION) throw new GiveUp('an explicit tag');
  return { start, anchor };
}

/** Past the spaces, line breaks and comments before a value, where js-yaml opened it. */
function skipSeparation(text: string, from: number): number {
  let at = from;
  for (;;) {
    const character = text.charCodeAt(at);
    if (character === SPACE || character === TAB || character === LF || character === CR) {
      at++;
    } else if (character === HASH) {
      while (at < text.length && text.charCodeAt(at) !== LF && text.charCodeAt(at) !== CR) at++;
    } else {
      return at;
    }
  }
}

/** Whether js-yaml 4 and YAML 1.2 might read a number starting with this character apart. */
function mayDiffer(first: number): boolean {
  return first === ZERO || first === PLUS || first === MINUS;
}

/** The text `pattern` (a sticky one) matches at `at`, or nothing. */
function runAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? '';
}
