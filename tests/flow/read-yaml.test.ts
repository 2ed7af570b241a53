import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { constructFromEvents, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, stringify } from 'yaml';
import { type PathSegment, SourceMap } from '../../src/flow/positions.js';
import { readYaml } from '../../src/flow/read-yaml.js';
import { pathsIn } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const NONE = new Set<string>();

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

/**
 * The reader must make the data js-yaml's own constructor makes from the same events, and place
 * every value where the `yaml` library, read apart, finds it.
 */
function expectFaithfulReading(text: string): void {
  const read = readYaml(text, NONE);
  if (!read.ok) throw new Error(`refused: ${JSON.stringify(read.mistake)}`);
  const [constructed] = constructFromEvents(parseEvents(text, {}), { source: text });
  expect(read.data).toEqual(constructed ?? null);
  const ours = new SourceMap(read.places, read.root, text);
  const theirs = parseDocument(text, { uniqueKeys: false });
  const lines = new SourceMap(read.places, read.root, text);
  for (const path of pathsIn(read.data)) {
    const node = theirs.getIn(path as PathSegment[], true) as
      | { range?: [number, number]; type?: string; value?: unknown; source?: string }
      | undefined;
    if (!node?.range) continue;
    const unwritten = isScalar(node) && node.value === null && node.source === '';
    if (unwritten) continue;
    expect({ path, at: ours.at(path) }).toEqual({ path, at: lines.position(node.range[0]) });
  }
}

describe('the YAML reader', () => {
  const files = [...filesUnder(join(root, 'flows')), ...filesUnder(join(root, 'tests/fixtures'))]
    .filter((file) => !file.includes('/bad/'))
    .filter((file) => readYaml(readFileSync(file, 'utf8'), NONE).ok);

  it('reads more than a handful of the bundled flows and fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [file.slice(root.length), file]))(
    'reads %s faithfully',
    (_, file) => {
      expectFaithfulReading(readFileSync(file, 'utf8'));
    },
  );

  it.each([
    [
      'quoted and block text',
      'a: "x: y"\nb: \'q\'\nc: |\n  one\n  two\nd: >-\n  w\ne: |  # note\n  z\n',
    ],
    ['keys that are not text', '0123: a\ntrue: b\n1.0: c\n0x1F: d\n~: e\n'],
    ['anchors and aliases', 'base: &h { then: agent }\nx: *h\ny: [*h, *h]\n'],
    ['flow mappings with bare keys', 'm: { prompt, then: a }\nl: [a, { b }]\n'],
    ['comments and blank lines', '# head\n\na: 1 # one\n\n\nb:\n  - x # item\n\n  - y\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['empty list items', 'l:\n- \n- [a]\n-\n- {b: 1}\nm:\n  -\n  - x\n'],
    ['explicit keys', '? a\n: b\n? c\nd: e\n'],
    ['a byte order mark', '\ufeff# head\na: 1\nb: [x, "y"]\n'],
    ['markers and a directive', '%YAML 1.2\n---\na: 1\n...\n'],
    ['anchors on text and collections', 'a: &t |\n  x\nb: *t\nc: &m\n  d: 1\ne: *m\n'],
    ['explicit tags', 'a: !!str 12\nb: !!int "7"\nc: !!map { d: 1 }\n'],
    ['numbers YAML 1.2 reads as text', 'a: 0b101\nb: +0x1F\nc: -0o7\n'],
    ['a pair in a list', 'l: [a: 1]\n'],
    ['a key named like the prototype', '__proto__: 1\nb: 2\n'],
    // Found by the generated documents: a quoted key holding `>` before an empty block scalar.
    ['a block scalar after a key holding its indicator', 'l:\n - - "># ": |\n\n'],
  ])('%s', (_, text) => {
    expectFaithfulReading(text);
  });

  it('keeps the digits of the fields it is told to', () => {
    const read = readYaml(
      'key: 0123\nto: 0800123\nother: 0123\nnested: [{ key: 007 }]\n',
      new Set(['key', 'to']),
    );
    expect(read.ok && read.data).toEqual({
      key: '0123',
      to: '0800123',
      other: 123,
      nested: [{ key: '007' }],
    });
  });

  it('refuses what it cannot read as one document, saying what and where', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ]) {
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const refused = (text: string) => {
      const read = readYaml(text, NONE);
      return read.ok ? 'read' : `${read.mistake.kind} ${read.mistake.offset}`;
    };
    expect(refused('a: 1\na: 2\n')).toBe('duplicate-key 5');
    expect(
      refused(`${Array.from({ length: 12 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk1: again\n`),
    ).toMatch(/^duplicate-key /);
    expect(refused('a: 1\n---\nb: 2\n')).toMatch(/^several-documents/);
    expect(refused('# nothing\n')).toBe('empty 0');
    expect(refused('---\n# a document with nothing in it\n')).toBe('empty 0');
    expect(refused('a: &a [1, *a]\n')).toBe('alias-into-itself 10');
    expect(refused('? [a]\n: b\n')).toBe('key-not-text 2');
    expect(refused('a: !nope x\n')).toBe('unknown-tag 3');
    expect(refused(bomb.join('\n'))).toMatch(/^alias-bomb/);
    expect(refused('a: [1\n')).toMatch(/^syntax /);
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
        expectFaithfulReading(text);
      }),
      { numRuns: Number(process.env.PHONEMAZE_FUZZ_RUNS ?? 300) },
    );
  });
});
