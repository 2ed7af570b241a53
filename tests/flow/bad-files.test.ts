import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow, readFlowFile } from '../../src/flow/load.js';
import type { FlowProblem } from '../../src/flow/problems.js';
import { fixture } from '../helpers.js';

const at = (problem: FlowProblem) => `${problem.line}:${problem.column} ${problem.message}`;

/** Every bad file in tests/fixtures/bad, with every problem it must be refused for. */
const EXPECTED: Record<string, string[]> = {
  'alias-bomb.yaml': [
    '1:1 The file expands too many YAML aliases (*name); it looks like an "alias bomb".',
  ],
  'bad-duration.yaml': [
    '4:12 `timeout: 5 seconds` in `settings` is not a duration.',
    '9:14 `timeout: soon` in node `main` is not a duration.',
    '14:11 `wait: 3 min` in node `agent` is not a duration.',
  ],
  'binary.yaml': ['1:1 This is not a text file (it is not UTF-8).'],
  'boolean-value.yaml': [
    '4:13 `conditions`, `holiday`, item 1 was read as the yes/no value true, not as text.',
    '4:19 `conditions`, `holiday`, item 2 was read as the yes/no value false, not as text.',
    '14:13 `prompt` in node `closed` was read as the yes/no value true, not as text.',
  ],
  'branch-no-case.yaml': [
    '9:5 The branch has no case for hours=closed, holiday.',
    '11:7 `clsoed` is not a value of the condition `hours`.',
  ],
  'cut-prompt.yaml': ["9:31 Unknown key `I didn't understand you` in node `main`, `noMatch`."],
  'duplicate-key.yaml': [
    '9:16 Key 1 is used twice in this menu (options 1 and 2).',
    '9:35 The phrase "Bill!" belongs to options 1 and 2; a caller saying it could mean either.',
  ],
  'duplicate-node.yaml': ['6:3 This key is written twice in the same place.'],
  'empty.yaml': ['1:1 The file is empty.'],
  'many-problems.yaml': [
    '4:10 `tries: many` in `settings` should be a whole number from 1, or unlimited.',
    '10:23 `to: biling` names no node.',
    '11:16 Key 1 is used twice in this menu (options 1 and 2).',
    '12:9 Option 3 leads nowhere.',
    '13:22 `then: agnet` names no node.',
    '16:3 Node `info` needs `next`.',
    '21:17 `press 2` is not a caller input.',
  ],
  'missing-id-start.yaml': ['1:1 The file needs `id`.', '1:1 The file needs `start`.'],
  'missing-target.yaml': [
    '2:8 `start: welcom` names no node.',
    '12:23 `to: biling` names no node.',
    '14:22 `then: nowhere_at_all` names no node.',
  ],
  'not-dtmf.yaml': [
    '8:16 `key: A` in node `main`, option 1 is not a DTMF key.',
    '9:16 `key: *1` in node `main`, option 2 is not a DTMF key.',
    '10:16 `key: -1` in node `main`, option 3 is not a DTMF key.',
  ],
  'reserved-ids.yaml': [
    '4:3 `constructor` cannot be a node id: the name is reserved.',
    '7:11 `__proto__` in node `constructor` is not a usable name.',
    '8:3 `__proto__` cannot be a node id: the name is reserved.',
  ],
  'silent-loop.yaml': [
    '6:3 The call would loop for ever through hello → check → sorry → hello without the caller doing anything.',
  ],
  'syntax.yaml': ['7:14 This `[` is never closed, so the lines after it are read as part of it.'],
  'unclosed-quote.yaml': [
    '6:13 This quote is never closed, so the rest of the file is read as its text.',
  ],
  'undeclared-condition.yaml': ['8:16 `condition: hour` is not declared under `conditions`.'],
  'unknown-key.yaml': [
    '4:3 Node `welcome` needs `next`.',
    '7:5 Unknown key `nxt` in node `welcome`.',
    '10:5 Unknown key `queu` in node `agent`.',
  ],
  'unknown-type.yaml': [
    '5:11 `type: mneu` is not a node type.',
    '10:11 `type: human` is not a node type.',
  ],
};

describe('a flow file that breaks the format is refused with every problem in it', () => {
  for (const [name, problems] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const result = await readFlowFile(fixture(`bad/${name}`));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map(at)).toEqual(problems);
      for (const problem of result.problems) expect(problem.file).toBe(fixture(`bad/${name}`));
    });
  }

  it('has a suggestion for the likely typos', async () => {
    const hints = async (name: string) => {
      const result = await readFlowFile(fixture(`bad/${name}`));
      return result.ok ? [] : result.problems.map((problem) => problem.hint);
    };
    expect(await hints('missing-target.yaml')).toContain('Did you mean `billing`?');
    expect(await hints('unknown-type.yaml')).toContain('Did you mean `menu`?');
    expect(await hints('unknown-key.yaml')).toEqual(
      expect.arrayContaining(['Did you mean `next`?', 'Did you mean `queue`?']),
    );
    expect((await hints('cut-prompt.yaml'))[0]).toMatch(/cut at a comma.*quotes/);
    expect((await hints('boolean-value.yaml'))[0]).toBe('Put it in quotes: "true".');
    expect((await hints('missing-id-start.yaml'))[0]).toMatch(/^Add `id: my-flow`/);
  });

  it('refuses a very large file before parsing it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'phonemaze-'));
    const file = join(folder, 'huge.yaml');
    writeFileSync(file, `id: huge\n# ${'x'.repeat(33 * 1024 * 1024)}\n`);
    const result = await readFlowFile(file);
    expect(result.ok ? [] : result.problems.map(at)).toEqual([
      '1:1 The file is 33.0 MB; phonemaze reads flow files up to 32 MB.',
    ]);
  });

  it('says so when the file does not exist', async () => {
    const result = await readFlowFile('no/such/flow.yaml');
    expect(result.ok ? [] : result.problems.map(at)).toEqual(['1:1 There is no such file.']);
  });

  it('refuses a file that holds a list, or text with NUL bytes', () => {
    const list = parseFlow('- a\n- b\n', 'list.yaml');
    expect(list.ok ? [] : list.problems.map(at)).toEqual([
      '1:1 A flow file is a mapping of keys (id, start, nodes, ...), but this file holds a list.',
    ]);
    const nul = parseFlow('id: x\u0000', 'nul.yaml');
    expect(nul.ok ? [] : nul.problems.map(at)).toEqual([
      '1:1 This is not a text file (it contains NUL bytes).',
    ]);
  });

  it('refuses nesting hundreds of levels deep with a position, in YAML and JSON, without a crash', () => {
    const flow = (extra: string) =>
      `id: deep\nstart: a\nnodes:\n  a:\n    type: hangup\n    extra: ${extra}\n`;
    const brackets = parseFlow(flow(`${'['.repeat(5000)}${']'.repeat(5000)}`), 'deep.yaml');
    expect(brackets.ok ? [] : brackets.problems.map(at)).toEqual([
      '6:212 The file nests lists or mappings more than 200 levels deep, from about here.',
    ]);
    const blocks = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 3)}k:`).join('\n');
    const indented = parseFlow(flow(`\n${blocks}`), 'deep.yaml');
    expect(indented.ok ? [] : indented.problems.map(at)).toEqual([
      '105:201 The file nests lists or mappings more than 200 levels deep, from about here.',
    ]);
    const json = `{"id":"deep","start":"a","nodes":{"a":{"type":"hangup","extra":${'['.repeat(1000)}${']'.repeat(1000)}}}}`;
    const deepJson = parseFlow(json, 'deep.json');
    expect(deepJson.ok ? [] : deepJson.problems.map(at)).toEqual([
      '1:261 The file nests lists or mappings more than 200 levels deep, from about here.',
    ]);
    // Deep, but within bounds: read, and refused only for what it says.
    const fine = parseFlow(flow(`${'['.repeat(150)}${']'.repeat(150)}`), 'fine.yaml');
    expect(fine.ok ? [] : fine.problems.map(at)).toEqual(['6:5 Unknown key `extra` in node `a`.']);
  });

  it('tells the first problems of each kind and counts the rest', () => {
    const options = Array.from(
      { length: 5000 },
      (_, i) => `      - { key: ${i % 10}, to: nowhere${i} }`,
    ).join('\n');
    const text = `id: big\nstart: m\nnodes:\n  m:\n    type: menu\n    prompt: Hi.\n    options:\n${options}\n`;
    const result = parseFlow(text, 'big.yaml');
    const problems = result.ok ? [] : result.problems.map(at);
    const missing = problems.filter((problem) => problem.includes('names no node'));
    expect(missing).toHaveLength(21);
    expect(missing[0]).toBe('8:23 `to: nowhere0` names no node.');
    expect(missing[20]).toBe(
      '28:23 And 4,980 more like this, from here on: `to: nowhere20` names no node.',
    );
    expect(problems.filter((problem) => problem.includes('used twice'))).toHaveLength(21);
    expect(problems.length).toBeLessThan(50);
  });

  it('never lets the YAML library warn on stderr', () => {
    const warnings: unknown[] = [];
    const listen = (warning: unknown) => warnings.push(warning);
    process.on('warning', listen);
    const result = parseFlow(
      'id: t\nstart: a\nnodes:\n  {{ivr_name}}:\n    type: hangup\n',
      't.yaml',
    );
    process.off('warning', listen);
    expect(result.ok).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('words the limits of numbers and shapes as a designer reads them', () => {
    const refused = (text: string) => {
      const result = parseFlow(text, 'w.yaml');
      return result.ok ? [] : result.problems.map(at);
    };
    expect(
      refused('id: w\nstart: a\nsettings: { wordsPerMinute: 0 }\nnodes:\n  a: { type: agent }\n'),
    ).toEqual(['3:29 `settings`, `wordsPerMinute` is 0; it must be more than 0.']);
    expect(refused('id: w\nstart: a\nnodes: []\n')).toEqual([
      '2:8 `start: a` names no node.',
      '3:8 `nodes` is a list, but should be a mapping of keys.',
    ]);
    const empty = parseFlow('id: w\nstart: a\nnodes: {}\n', 'w.yaml');
    expect(empty.ok ? [] : empty.problems.map((problem) => problem.hint)).toEqual([
      'The flow has no nodes yet; add them under `nodes`.',
    ]);
    expect(
      refused(
        'id: w\nstart: a\nlimits: { maxDepth: 2.5, maxSecondsToHuman: 45.5 }\nnodes:\n  a: { type: agent }\n',
      ),
    ).toEqual(['3:21 `limits`, `maxDepth` is the number 2.5, but should be a whole number.']);
  });

  it('holds .json flows to JSON: no bare text, trailing commas or comments', () => {
    const json = (node: string) =>
      `{\n  "id": "j",\n  "start": "a",\n  "nodes": {\n    ${node}\n  }\n}\n`;
    const refused = (text: string, file = 'flow.json') => {
      const result = parseFlow(text, file);
      return result.ok ? [] : result.problems.map(at);
    };
    expect(refused(json('"a": { "type": "agent", "wait": 10m }'))).toEqual([
      '5:39 This is not valid JSON: a value was expected here.',
    ]);
    expect(refused(json('"a": { "type": "agent" },'))).toEqual([
      '6:3 This is not valid JSON: a comma before the closing bracket.',
    ]);
    expect(refused(json('// the agent\n    "a": { "type": "agent" }'))).toEqual([
      '5:5 This is not valid JSON: a comment.',
    ]);
    // The same text in a YAML file is YAML, where `10m` is text.
    expect(refused(json('"a": { "type": "agent", "wait": 10m }'), 'flow.yaml')).toEqual([]);
  });

  it('reports JSON flows at their JSON line and column', () => {
    const json =
      '{\n  "id": "j",\n  "start": "a",\n  "nodes": {\n    "a": { "type": "say", "prompt": "Hi", "next": "b" }\n  }\n}\n';
    const result = parseFlow(json, 'flow.json');
    expect(result.ok ? [] : result.problems.map(at)).toEqual(['5:51 `next: b` names no node.']);
  });
});
