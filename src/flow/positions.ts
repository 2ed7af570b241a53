/**
 * Where each part of a flow file stands, looked up by its path in the parsed data, so that
 * every later problem can name its line and column. Both YAML readers (see source.ts) build
 * the same tree of spots.
 */
import type { SourcePosition } from './types.js';

export type PathSegment = string | number;

/** One value in the file: where it starts, and its parts when it is a mapping or a list. */
export interface Spot {
  /** Offset of the value's first character; undefined for a value not written (`key:`). */
  readonly start: number | undefined;
  /** Written in `{ ... }` or `[ ... ]` style. */
  readonly flow: boolean;
  /** A mapping's entries by key, as the parsed data names them; the first when written twice. */
  readonly entries?: Map<string, Entry>;
  readonly items?: Spot[];
}

export interface Entry {
  readonly keyStart: number;
  readonly value: Spot;
}

/** Looks up the line and column of a part of the document by its path in the parsed data. */
export class SourceMap {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly root: Spot | undefined,
    private readonly text: string,
  ) {}

  /**
   * Position of the value at `path`, or of its key when `key` is set. When the path goes
   * further than the file (a missing field), the deepest part that exists is named.
   */
  at(path: readonly PathSegment[], options: { key?: boolean } = {}): SourcePosition {
    let spot = this.root;
    let start = spot?.start ?? 0;
    // The key of the deepest entry found: where a missing field's owner is named.
    let owner: number | undefined;
    for (let index = 0; index < path.length; index++) {
      const segment = path[index] as PathSegment;
      const last = index === path.length - 1;
      if (spot?.entries) {
        const entry = spot.entries.get(String(segment));
        if (!entry) return this.position(owner ?? start);
        owner = entry.keyStart;
        if (last && options.key) return this.position(owner);
        spot = entry.value;
      } else if (spot?.items && typeof segment === 'number' && spot.items[segment]) {
        spot = spot.items[segment];
        owner = spot.start ?? owner;
      } else {
        return this.position(owner ?? start);
      }
      start = spot.start ?? owner ?? start;
    }
    return this.position(start);
  }

  /** Whether the key at `path` sits in a `{ ... }` mapping with no value after it. */
  isBareKeyInFlowMap(path: readonly PathSegment[]): boolean {
    let spot = this.root;
    for (const segment of path.slice(0, -1)) {
      spot =
        spot?.entries?.get(String(segment))?.value ??
        (typeof segment === 'number' ? spot?.items?.[segment] : undefined);
    }
    if (!spot?.flow || !spot.entries) return false;
    const entry = spot.entries.get(String(path.at(-1)));
    return entry !== undefined && entry.value.start === undefined;
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
    if (!this.lineStarts) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) {
        starts.push(at + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
