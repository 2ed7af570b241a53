import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/flow/load.js';
import type { FlowProblem } from '../../src/flow/problems.js';
import { parseProfiles } from '../../src/simulate/profiles.js';
import { runCli } from '../cli/run-cli.js';
import { flowOf } from '../helpers.js';

const flow = flowOf(
  'id: p\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 0., options: [{ key: 0, to: agent }] }\n  agent: { type: agent }\n',
);
const at = (problem: FlowProblem) => `${problem.line}:${problem.column} ${problem.message}`;
const problemsOf = (text: string, file = 'callers.yaml') => {
  const result = parseProfiles(text, file, flow);
  return result.ok ? [] : result.problems.map(at);
};

describe('caller profiles from a file', () => {
  it('fills in every field left out, patience parts too', () => {
    const result = parseProfiles(
      '- name: hurried\n  share: 1\n  patience: { seconds: 30 }\n',
      'c.yaml',
      flow,
    );
    expect(result.ok && result.profiles).toEqual([
      {
        name: 'hurried',
        share: 1,
        goal: 'human',
        keyMistake: 0.05,
        phraseMisunderstood: 0.2,
        knowsZero: 0,
        patience: { seconds: 30, errors: 4 },
      },
    ]);
  });

  it('names each problem with its line and column', () => {
    expect(problemsOf('- name: a\n  share: 1\n  patience: { secnds: 30 }\n')).toEqual([
      '3:15 Unknown key `secnds` in profile 1.',
    ]);
    expect(problemsOf('- name: a\n  share: -1\n')).toEqual([
      '2:10 Item 1, `share`: Too small: expected number to be >0',
    ]);
    expect(problemsOf('- name: a\n  share: 1\n- name: a\n  share: 1\n  goal: biling\n')).toEqual([
      '3:9 Profiles 1 and 2 are both named `a`.',
      '5:9 `goal: biling` names no node.',
    ]);
    expect(problemsOf('name: a\nshare: 1\n')).toEqual([
      '1:1 A profiles file is a list of caller profiles, but this file holds a mapping.',
    ]);
    expect(problemsOf('[{ "name": "a", "share": 1, }]', 'callers.json')).toEqual([
      '1:29 This is not valid JSON: a comma before the closing bracket.',
    ]);
  });

  it("holds a flow's own callers to the same checks", () => {
    const result = parseFlow(
      'id: p\nstart: agent\nnodes:\n  agent: { type: agent }\ncallers:\n  - { name: a, share: 1, goal: nowhere }\n  - { name: a, share: 1 }\n',
      'p.yaml',
    );
    expect(result.ok ? [] : result.problems.map(at)).toEqual([
      '6:32 `goal: nowhere` names no node.',
      '7:13 Profiles 1 and 2 are both named `a`.',
    ]);
  });

  it('simulate refuses a bad profiles file with its place, and a condition set twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-profiles-'));
    const file = join(dir, 'callers.yaml');
    writeFileSync(file, '- name: a\n  share: 1\n  goal: biling\n');
    const flowFile = new URL('../../flows/acme-support.yaml', import.meta.url).pathname;
    const bad = await runCli('simulate', flowFile, '--profiles', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}:3:9: \`goal: biling\` names no node.`);
    const twice = await runCli(
      'simulate',
      flowFile,
      '--set',
      'hours=open',
      '--set',
      'hours=closed',
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--set gives hours twice (open and closed)');
  });

  it('says how condition values are chosen when they are not given', async () => {
    const flowFile = new URL('../../flows/acme-support.yaml', import.meta.url).pathname;
    const run = await runCli('simulate', flowFile, '--callers', '100');
    expect(run.stdout).toContain(
      'conditions drawn at random for each caller, every value equally likely: hours (open, closed)',
    );
  });
});
