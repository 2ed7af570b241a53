import { describe, expect, it } from 'vitest';
import type { ImportedFlow, PartName } from '../../src/import/document.js';
import { flowOfImport } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { fixture } from '../helpers.js';

const pos = (line: number, column: number) => ({ line, column });

function imported(nodes: ImportedFlow['document']['nodes']): ImportedFlow {
  return {
    format: 'connect',
    document: { id: 'main', start: 'main-menu', nodes },
    at: new Map<PartName, ReturnType<typeof pos>>([
      ['flow', pos(1, 1)],
      ['node main-menu', pos(10, 3)],
      ['option main-menu 1', pos(14, 5)],
      ['handler main-menu noMatch', pos(20, 5)],
      ['node agent', pos(30, 3)],
    ]),
    blocks: new Map(),
    approximated: [],
    unknown: [],
    joined: [],
  };
}

const menu = {
  type: 'menu',
  prompt: 'For sales press 1, for support press 2.',
  options: [
    { key: 1, to: 'agent' },
    { key: 2, to: 'agent' },
  ],
  noMatch: { then: 'agent' },
};

describe('flowOfImport', () => {
  it("places every part in the export: a node at its block, an option and a handler where the importer put them, else at the node or the flow's start", () => {
    const read = flowOfImport(imported({ 'main-menu': menu, agent: { type: 'agent' } }), 'x.json');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { flow } = read;
    const main = flow.nodes.get('main-menu');
    if (main?.type !== 'menu') throw new Error('main-menu is not a menu');
    expect(flow.file).toBe('x.json');
    expect(flow.at).toEqual(pos(1, 1));
    expect(main.at).toEqual(pos(10, 3));
    expect(main.options.map((option) => option.at)).toEqual([pos(10, 3), pos(14, 5)]);
    expect(main.noMatch.at).toEqual(pos(20, 5));
    expect(main.noInput.at).toEqual(pos(10, 3));
    expect(flow.nodes.get('agent')?.at).toEqual(pos(30, 3));
    expect(flow.imported).toEqual({ format: 'connect', approximated: [], unknown: [] });
  });

  it('tells a flow the importer got wrong as a bug of phonemaze, naming the part', () => {
    const read = flowOfImport(
      imported({ 'main-menu': { ...menu, options: [{ key: 1, to: 'nowhere' }] } }),
      'x.json',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((problem) => problem.file)).toContain('x.json');
    expect(read.problems.some((problem) => /cannot read: .*nowhere/.test(problem.message))).toBe(
      true,
    );
    expect(read.problems.every((problem) => /bug in phonemaze/.test(problem.hint ?? ''))).toBe(
      true,
    );
  });
});

describe('--entry on a file with one start', () => {
  const connect = fixture('import/connect/decisions.json');
  const studio = fixture('import/studio/counter-menu.json');

  it('is refused, not ignored, on the one file a command reads', async () => {
    for (const argv of [
      ['walk', connect, '--entry', 'billing'],
      ['import', studio, '--entry', 'billing'],
      ['paths', fixture('check/clean.yaml'), '--entry', 'billing'],
    ]) {
      const run = await runCli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(
        /--entry billing picks where the call starts in a file of several menus; (A connect export|A studio export|A phonemaze flow) has one start\./,
      );
    }
  });

  it('is left alone among many files, where it picks the start in those that have several', async () => {
    const checked = await runCli(
      'check',
      connect,
      studio,
      '--entry',
      'billing',
      '--format',
      'json',
    );
    const report = JSON.parse(checked.stdout) as { flows: unknown[]; invalid: unknown[] };
    expect(report.flows).toHaveLength(2);
    expect(report.invalid).toEqual([]);
  });
});
