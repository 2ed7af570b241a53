/**
 * Where each part of a flow file stands, looked up by its path in the parsed data, so that
 * every later problem can name its line and column. The YAML reader (read-yaml.ts) builds the
 * `Places`.
 */
import type { SourcePosition } from './types.js';

export type PathSegment = string | number;

/**
 * Where one value of the file stands, as a number: the offset of a scalar's first character
 * (0 or more), `NOT_WRITTEN` for a value left out (`key:`), or a mapping or list of the file's
 * `Places` (numbered from -2 down).
 */
export type Place = number;
export const NOT_WRITTEN = -1;

/** Mappings longer than this are looked up through an index rather than a scan. */
export const SCAN_LIMIT = 8;

const MAPPING = 1;
const FLOW = 2;

/**
 * Every mapping and list of one file and where each of their entries stands, in a few flat
 * arrays of numbers: a flow of 20,000 menus has a million values, and an object or an array
 * for each mapping was most of the time spent collecting garbage. A collection's entries are
 * added together when it is complete, so they lie side by side.
 */
export class Places {
  private readonly starts: number[] = [];
  private readonly kinds: number[] = [];
  private readonly firsts: number[] = [];
  private readonly counts: number[] = [];
  /** Per entry: a mapping's key as the parsed data names it (the first of twins), and its offset. */
  private readonly keys: string[] = [];
  private readonly keyStarts: number[] = [];
  private readonly values: Place[] = [];
  private readonly indexes = new Map<number, Map<string, number>>();

  /** Adds a mapping of the entries `from` to `to` of the arrays given; returns its place. */
  addMapping(
    start: number,
    flow: boolean,
    entries: {
      readonly keys: readonly string[];
      readonly keyStarts: readonly number[];
      readonly values: readonly Place[];
    },
    from: number,
    to: number,
  ): Place {
    for (let entry = from; entry < to; entry++) {
      this.keys.push(entries.keys[entry] as string);
      this.keyStarts.push(entries.keyStarts[entry] as number);
    }
    return this.add(start, MAPPING | (flow ? FLOW : 0), entries.values, from, to);
  }

  /** Adds a list of the items `from` to `to` of `items`; returns its place. */
  addList(start: number, flow: boolean, items: readonly Place[], from: number, to: number): Place {
    for (let item = from; item < to; item++) {
      // Lists have no keys; the arrays stay aligned with the values.
      this.keys.push('');
      this.keyStarts.push(0);
    }
    return this.add(start, flow ? FLOW : 0, items, from, to);
  }

  private add(start: number, kind: number, items: readonly Place[], from: number, to: number) {
    const collection = this.starts.length;
    this.starts.push(start);
    this.kinds.push(kind);
    this.firsts.push(this.values.length);
    this.counts.push(to - from);
    for (let item = from; item < to; item++) this.values.push(items[item] as Place);
    return -2 - collection;
  }

  /** Where a value starts, or undefined when it is not written. */
  startOf(place: Place): number | undefined {
    if (place >= 0) return place;
    return place === NOT_WRITTEN ? undefined : this.starts[-2 - place];
  }

  isMapping(place: Place): boolean {
    return place <= -2 && ((this.kinds[-2 - place] as number) & MAPPING) !== 0;
  }

  isList(place: Place): boolean {
    return place <= -2 && ((this.kinds[-2 - place] as number) & MAPPING) === 0;
  }

  /** Written in `{ ... }` or `[ ... ]` style. */
  isFlow(place: Place): boolean {
    return place <= -2 && ((this.kinds[-2 - place] as number) & FLOW) !== 0;
  }

  /** How many entries or items a mapping or list has. */
  size(place: Place): number {
    return place <= -2 ? (this.counts[-2 - place] as number) : 0;
  }

  /** The entry of `key` in a mapping, or -1: for `keyStart` and `value`. */
  entry(place: Place, key: string): number {
    if (!this.isMapping(place)) return -1;
    const first = this.firsts[-2 - place] as number;
    const count = this.counts[-2 - place] as number;
    if (count <= SCAN_LIMIT) {
      for (let entry = first; entry < first + count; entry++) {
        if (this.keys[entry] === key) return entry;
      }
      return -1;
    }
    let index = this.indexes.get(place);
    if (!index) {
      index = new Map();
      for (let entry = first + count - 1; entry >= first; entry--) {
        index.set(this.keys[entry] as string, entry);
      }
      this.indexes.set(place, index);
    }
    return index.get(key) ?? -1;
  }

  /** The entry of a list's `index`th item, or -1. */
  item(place: Place, index: number): number {
    if (!this.isList(place) || index < 0 || index >= this.size(place)) return -1;
    return (this.firsts[-2 - place] as number) + index;
  }

  keyStart(entry: number): number {
    return this.keyStarts[entry] as number;
  }

  value(entry: number): Place {
    return this.values[entry] as Place;
  }
}

/** Where each line of the text starts, found once and shared by the parts of one map. */
interface Lines {
  starts?: number[];
}

/** How far a walk down a path got: where it stands, and the offsets a position falls back on. */
interface Walk {
  readonly place: Place;
  /** Where the part found starts (or its owner's key when it is not written): `at`'s answer. */
  readonly start: number;
  /** The key of the deepest entry found: where a missing field's owner is named. */
  readonly owner: number | undefined;
  /** The last key on the path: `at`'s answer when asked for the key. */
  readonly key: number;
  /** Whether the whole path exists. */
  readonly complete: boolean;
}

/**
 * Where the parts of a flow stand in the file they came from, by their path in the flow's data:
 * a flow file's YAML, or the export an importer read.
 */
export interface PartPositions {
  /** The position of the part at `path`, or of its key when `key` is set. */
  at(path: readonly PathSegment[], options?: { key?: boolean }): SourcePosition;
  /** The positions of the part at `path`: `part(p).at(q)` is `at([...p, ...q])`. */
  part(path: readonly PathSegment[]): PartPositions;
}

/** Looks up the line and column of a part of the document by its path in the parsed data. */
export class SourceMap implements PartPositions {
  private readonly lines: Lines;
  private readonly from: Walk;

  constructor(places: Places, root: Place, text: string);
  constructor(places: Places, root: Place, text: string, lines: Lines, from: Walk);
  constructor(
    private readonly places: Places,
    root: Place,
    private readonly text: string,
    lines: Lines = {},
    from?: Walk,
  ) {
    this.lines = lines;
    const start = places.startOf(root) ?? 0;
    this.from = from ?? { place: root, start, owner: undefined, key: start, complete: true };
  }

  /**
   * Position of the value at `path`, or of its key when `key` is set. When the path goes
   * further than the file (a missing field), the deepest part that exists is named.
   */
  at(path: readonly PathSegment[], options: { key?: boolean } = {}): SourcePosition {
    const walk = this.walk(path);
    return this.position(options.key ? walk.key : walk.start);
  }

  /**
   * The map of the part at `path`: `part(p).at(q)` is `at([...p, ...q])`, without walking `p`
   * again for every `q`, as reading the places of a flow's every node and option would.
   */
  part(path: readonly PathSegment[]): SourceMap {
    return new SourceMap(this.places, this.from.place, this.text, this.lines, this.walk(path));
  }

  private walk(path: readonly PathSegment[]): Walk {
    const places = this.places;
    let { place, start, owner } = this.from;
    if (!this.from.complete) return this.from;
    if (path.length === 0) return this.from;
    const stopped = (): Walk => {
      const offset = owner ?? start;
      return { place: NOT_WRITTEN, start: offset, owner, key: offset, complete: false };
    };
    let key = start;
    for (const segment of path) {
      const inMapping = places.isMapping(place);
      const entry = inMapping
        ? places.entry(place, String(segment))
        : typeof segment === 'number'
          ? places.item(place, segment)
          : -1;
      if (entry < 0) return stopped();
      place = places.value(entry);
      const here = places.startOf(place);
      owner = inMapping ? places.keyStart(entry) : (here ?? owner);
      start = here ?? owner ?? start;
      // An item has no key: asked for its key, the item itself is named.
      key = inMapping ? (owner as number) : start;
    }
    return { place, start, owner, key, complete: true };
  }

  /** Whether the key at `path` sits in a `{ ... }` mapping with no value after it. */
  isBareKeyInFlowMap(path: readonly PathSegment[]): boolean {
    const owner = this.part(path.slice(0, -1)).from;
    const mapping = owner.complete ? owner.place : NOT_WRITTEN;
    if (!this.places.isMapping(mapping) || !this.places.isFlow(mapping)) return false;
    const entry = this.places.entry(mapping, String(path.at(-1)));
    return entry >= 0 && this.places.value(entry) === NOT_WRITTEN;
  }

  position(offset: number): SourcePosition {
    const starts = this.linesOfText();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  private linesOfText(): number[] {
    if (!this.lines.starts) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) {
        starts.push(at + 1);
      }
      this.lines.starts = starts;
    }
    return this.lines.starts;
  }
}
