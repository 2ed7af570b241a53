import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PathSegment, SourceMap } from '../../src/flow/positions.js';
import { readYaml } from '../../src/flow/read-yaml.js';
import { pathsIn } from '../helpers.js';

const flows = new URL('../../flows/', import.meta.url).pathname;
const KEEP = new Set(['key', 'to']);

function read(text: string): { data: unknown; source: () => SourceMap } {
  const read = readYaml(text, KEEP);
  if (!read.ok) throw new Error(`the reader refused it: ${read.mistake.kind}`);
  return { data: read.data, source: () => new SourceMap(read.places, read.root, text) };
}

/** Text that begins with `written`, perhaps after a quote. */
function startsWith(written: string): RegExp {
  return new RegExp(`^["']?${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** Every path in the data, and a path one step past each that the file does not have. */
function pathsBeyond(data: unknown): PathSegment[][] {
  return pathsIn(data).flatMap((path) => [path, [...path, 'missing'], [...path, 999]]);
}

describe('a part of the source map', () => {
  const files = readdirSync(flows).filter((name) => name.endsWith('.yaml'));

  it.each(files)('places everything in %s as the whole map does', (name) => {
    const text = readFileSync(join(flows, name), 'utf8');
    const { data, source } = read(text);
    const whole = source();
    for (const path of pathsBeyond(data)) {
      for (let split = 0; split <= path.length; split++) {
        const part = source().part(path.slice(0, split));
        for (const key of [false, true]) {
          expect({ path, split, key, at: part.at(path.slice(split), { key }) }).toEqual({
            path,
            split,
            key,
            at: whole.at(path, { key }),
          });
        }
      }
    }
  });

  it.each(files)('points at the text of every key and value in %s', (name) => {
    const text = readFileSync(join(flows, name), 'utf8');
    const lines = text.split('\n');
    const { data, source } = read(text);
    const map = source();
    const written = ({ line, column }: { line: number; column: number }) =>
      (lines[line - 1] as string).slice(column - 1);
    const visit = (value: unknown, path: PathSegment[]) => {
      if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          const here = [...path, Array.isArray(value) ? Number(key) : key];
          if (!Array.isArray(value))
            expect(written(map.at(here, { key: true }))).toMatch(startsWith(key));
          visit(item, here);
        }
      } else if (typeof value === 'string' || typeof value === 'number') {
        const firstLine = String(value).split('\n')[0] as string;
        expect(written(map.at(path))).toMatch(
          new RegExp(`^(?:[|>][^\\n]*|${startsWith(firstLine).source.slice(1)})`),
        );
      }
    };
    visit(data, []);
  });

  it('finds the line and column of any offset, in any order', () => {
    const text = readFileSync(join(flows, files[0] as string), 'utf8');
    const source = read(text).source();
    const naive = (offset: number) => {
      const before = text.slice(0, offset);
      return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
    };
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length - 1 }), { minLength: 1 }), (offsets) => {
        for (const offset of offsets) expect(source.position(offset)).toEqual(naive(offset));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('gives the same line and column whatever order positions are asked in', () => {
    const text = readFileSync(join(flows, files[0] as string), 'utf8');
    const { data, source } = read(text);
    const paths = pathsBeyond(data);
    const fresh = (path: PathSegment[]) => source().at(path);
    fc.assert(
      fc.property(fc.shuffledSubarray(paths, { minLength: 1 }), (order) => {
        const shared = source();
        for (const path of order) expect(shared.at(path)).toEqual(fresh(path));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
