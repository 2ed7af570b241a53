import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SourceMap } from '../../src/flow/positions.js';
import { quickRead } from '../../src/flow/quick-read.js';
import { readCarefully } from '../../src/flow/source.js';
import { pathsIn } from '../helpers.js';

const KEEP = new Set(['key', 'to']);
const root = new URL('../../', import.meta.url).pathname;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

/** The quick reader must read exactly what the careful one reads, and place it the same. */
function expectSameReading(text: string): boolean {
  const quick = quickRead(text, KEEP);
  // readFlowText takes the quick reading only for a mapping, as a flow file is.
  if (!quick?.data || typeof quick.data !== 'object' || Array.isArray(quick.data)) {
    return false;
  }
  const careful = readCarefully(text, 'same.yaml');
  expect(careful.ok).toBe(true);
  if (!careful.ok) return false;
  expect(quick.data).toEqual(careful.data);
  const quickSource = new SourceMap(quick.places, quick.root, text);
  for (const path of pathsIn(careful.data)) {
    const where = (source: SourceMap, key: boolean) =>
      `${JSON.stringify(path)} ${JSON.stringify(source.at(path, { key }))}`;
    expect(where(quickSource, false)).toBe(where(careful.source, false));
    expect(where(quickSource, true)).toBe(where(careful.source, true));
  }
  return true;
}

describe('the quick reader reads as the careful one does', () => {
  const files = [...filesUnder(join(root, 'flows')), ...filesUnder(join(root, 'tests/fixtures'))];
  it.each(files.map((file) => [file.slice(root.length), file]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const read = expectSameReading(text);
    // Every bundled flow and every well-formed fixture takes the quick way.
    if (!file.includes('/bad/')) expect(read).toBe(true);
  });

  it.each([
    [
      'quoted and block text',
      'a: "x: y"\nb: \'q\'\nc: |\n  one\n  two\nd: >-\n  w\ne: |  # note\n  z\n',
    ],
    ['numbers kept as written', 'key: 0123\nto: 0800123\nother: 0123\nnested: [{ key: 007 }]\n'],
    ['keys that are not text', '0123: a\ntrue: b\n1.0: c\n0x1F: d\n'],
    ['anchors and aliases', 'base: &h { then: agent }\nx: *h\ny: [*h, *h]\n'],
    ['flow mappings with bare keys', 'm: { prompt, then: a }\nl: [a, { b }]\n'],
    ['comments and blank lines', '# head\n\na: 1 # one\n\n\nb:\n  - x # item\n\n  - y\n'],
    ['an empty value', 'a:\nb: 1\n'],
    // Found by the generated documents: the ` #` in the key is not a comment.
    ['a block of text after a key holding " #"', '" # ": |\n  x\nl:\n - " # ": |\n\n'],
    // js-yaml reports these values unheard, or tries them first as something else.
    ['empty list items', 'l:\n- \n- [a]\n-\n- {b: 1}\nm:\n  -\n  - x\n'],
    ['a list item read first as a key', 'l:\n- x\n- [y]\n- &a z\n- *a\n'],
    ['explicit keys', '? a\n: b\n? c\nd: e\n'],
    ['a byte order mark', '\ufeff# head\na: 1\nb: [x, "y"]\n'],
    ['markers and a directive', '%YAML 1.2\n---\na: 1\n...\n'],
    ['anchors on text and collections', 'a: &t |\n  x\nb: *t\nc: &m\n  d: 1\ne: *m\n'],
    ['a comment between key and value', 'key: # the key\n  0123\n'],
  ])('%s', (_, text) => {
    expect(expectSameReading(text)).toBe(true);
  });

  it('leaves to the careful reader what it should explain', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ]) {
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    for (const text of [
      'a: 1\na: 2\n',
      'a: [1\n',
      'a: 1\n---\nb: 2\n',
      '~: x\n',
      'a: !!str 12\n',
      'a: &a [1, *a]\n',
      // A key written twice far apart in a long mapping.
      `${Array.from({ length: 12 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk1: again\n`,
      '? [a]\n: b\n',
      // Numbers to js-yaml 4, text to YAML 1.2.
      'a: 0b101\n',
      'a: +0x1F\n',
      'a: -0o7\n',
      // A pair in a list, and empty items beside a written null: which is which is not told.
      'l: [a: 1]\n',
      'l:\n- \n- ~\n',
      bomb.join('\n'),
    ]) {
      expect(quickRead(text, KEEP), text).toBeUndefined();
    }
  });

  it('on generated documents in every YAML style', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('0123', 'say: hi', 'a # b', 'line\nbreak', '  padded ', '*x', '- dash'),
    );
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('value'), {
        maxKeys: 4,
      }),
    })).map;
    const style = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<
        'any' | 'block' | 'flow'
      >,
      defaultStringType: fc.constantFrom(
        'PLAIN',
        'QUOTE_DOUBLE',
        'QUOTE_SINGLE',
        'BLOCK_LITERAL',
        'BLOCK_FOLDED',
      ) as fc.Arbitrary<'PLAIN'>,
      indent: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      // The same part written twice comes out as an anchor and an alias.
      fc.property(data, style, fc.boolean(), (value, options, twice) => {
        const text = stringify(
          twice ? { id: 'x', value, again: value } : { id: 'x', value },
          options,
        );
        expect(expectSameReading(text)).toBe(true);
      }),
      { numRuns: Number(process.env.PHONEMAZE_FUZZ_RUNS ?? 300) },
    );
  });
});
