/**
 * Where each part of a flow file stands, looked up by its path in the parsed data, so that
 * every later problem can name its line and column. Both YAML readers (see source.ts) build
 * the same tree of spots.
 */
import type { SourcePosition } from './types.js';

export type PathSegment = string | number;

/**
 * Where one value of the file stands: a mapping or a list as a `Spot`, a scalar as the offset of
 * its first character, or undefined for a value not written (`key:`). Kept in plain arrays:
 * a flow of 20,000 menus has a million values, and a Map or an object for each was most of the
 * time spent collecting garbage.
 */
export type Place = Spot | number | undefined;

export interface Spot {
  readonly start: number;
  /** Written in `{ ... }` or `[ ... ]` style. */
  readonly flow: boolean;
  /** A mapping's keys as the parsed data names them, in the order written; the first of twins. */
  readonly keys?: string[];
  readonly keyStarts?: number[];
  /** A mapping's values, or a list's items. */
  readonly values: Place[];
}

/** Mappings longer than this are looked up through an index rather than a scan. */
export const SCAN_LIMIT = 8;
const indexes = new WeakMap<Spot, Map<string, number>>();

/** The position of `key` among a mapping's keys, or -1. */
export function keyIndex(spot: Spot, key: string): number {
  const keys = spot.keys;
  if (!keys) return -1;
  if (keys.length <= SCAN_LIMIT) return keys.indexOf(key);
  let index = indexes.get(spot);
  if (!index) {
    index = new Map();
    for (let i = keys.length - 1; i >= 0; i--) index.set(keys[i] as string, i);
    indexes.set(spot, index);
  }
  return index.get(key) ?? -1;
}

const startOf = (place: Place): number | undefined =>
  typeof place === 'object' ? place.start : place;

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

/** Looks up the line and column of a part of the document by its path in the parsed data. */
export class SourceMap {
  private readonly lines: Lines;
  private readonly from: Walk;

  constructor(root: Place, text: string);
  constructor(root: Place, text: string, lines: Lines, from: Walk);
  constructor(
    root: Place,
    private readonly text: string,
    lines: Lines = {},
    from?: Walk,
  ) {
    this.lines = lines;
    const start = startOf(root) ?? 0;
    this.from = from ?? {
      place: root,
      start,
      owner: undefined,
      key: start,
      complete: true,
    };
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
    return new SourceMap(this.from.place, this.text, this.lines, this.walk(path));
  }

  private walk(path: readonly PathSegment[]): Walk {
    let { place, start, owner } = this.from;
    if (!this.from.complete) return this.from;
    if (path.length === 0) return this.from;
    const stopped = (): Walk => {
      const offset = owner ?? start;
      return {
        place: undefined,
        start: offset,
        owner,
        key: offset,
        complete: false,
      };
    };
    let key = start;
    for (const segment of path) {
      if (typeof place !== 'object') return stopped();
      if (place.keys) {
        const at = keyIndex(place, String(segment));
        if (at < 0) return stopped();
        owner = place.keyStarts?.[at] as number;
        key = owner;
        place = place.values[at];
      } else if (typeof segment === 'number' && segment < place.values.length) {
        place = place.values[segment];
        owner = startOf(place) ?? owner;
        // An item has no key: asked for its key, the item itself is named.
        key = startOf(place) ?? owner ?? start;
      } else {
        return stopped();
      }
      start = startOf(place) ?? owner ?? start;
    }
    return { place, start, owner, key, complete: true };
  }

  /** Whether the key at `path` sits in a `{ ... }` mapping with no value after it. */
  isBareKeyInFlowMap(path: readonly PathSegment[]): boolean {
    let place: Place = this.from.place;
    for (const segment of path.slice(0, -1)) {
      if (typeof place !== 'object') return false;
      place = place.keys
        ? place.values[keyIndex(place, String(segment))]
        : typeof segment === 'number'
          ? place.values[segment]
          : undefined;
    }
    if (typeof place !== 'object' || !place.flow || !place.keys) return false;
    const at = keyIndex(place, String(path.at(-1)));
    return at >= 0 && place.values[at] === undefined;
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
