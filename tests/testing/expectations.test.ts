import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { testRunJunit } from '../../src/report/test-junit.js';
import { coverageOf, runExpectations } from '../../src/testing/expectations.js';
import { generatePaths, pathsAsYaml } from '../../src/testing/paths.js';
import { runCli } from '../cli/run-cli.js';
import { fixture, flowOf } from '../helpers.js';

const base = `id: exp
start: main
conditions: { hours: [open, closed] }
nodes:
  main:
    type: menu
    prompt: Press 1 for billing, 0 for a person.
    options: [{ key: 1, to: number }, { key: 0, to: check }]
    noMatch: { then: check }
    noInput: { then: check }
  number: { type: input, prompt: Number?, collect: n, digits: 4, next: billing, noMatch: { then: check }, noInput: { then: check } }
  check: { type: branch, condition: hours, cases: { open: agent, closed: closed } }
  billing: { type: agent }
  agent: { type: agent }
  closed: { type: hangup, prompt: We are closed. }
`;

const results = (expectations: string) =>
  runExpectations(flowOf(`${base}expect:\n${expectations}`));

describe('running expect entries', () => {
  it('passes reach … within on the best way, and fails it with the way found', () => {
    const [within, tooFew, seconds, closed] =
      results(`  - { name: a human in 1, reach: human, within: 1 step }
  - { name: billing in 1, reach: billing, within: 1 step }
  - { name: quick, reach: agent, within: 10s }
  - { name: closed agent, reach: agent, given: { hours: closed } }
`);
    expect(within).toMatchObject({
      passed: true,
      message: 'reaches a human in 1 step, 3 s in the menus (within 1 step)',
    });
    expect(tooFew).toMatchObject({
      passed: false,
      message: 'the best way reaches billing in 2 steps, 3.4 s in the menus, not within 1 step',
    });
    expect(tooFew?.transcript.map((entry) => entry.node)).toEqual(['main', 'number', 'billing']);
    expect(seconds?.passed).toBe(true);
    expect(closed).toMatchObject({
      passed: false,
      message: 'agent cannot be reached when hours=closed',
    });
  });

  it('drives inputs and checks where the call ends', () => {
    const [good, bad] = results(`  - { name: by number, inputs: [1, "value: 1234"], ends: billing }
  - { name: closed after errors, given: { hours: closed }, inputs: [7, 7, 7], ends: main }
`);
    expect(good).toMatchObject({ passed: true, message: 'ended at billing after 2 steps' });
    expect(bad).toMatchObject({
      passed: false,
      message: 'expected the call to end at main, but after 3 steps it ended at closed',
    });
    expect(bad?.transcript.at(-1)?.heard.map((h) => h.prompt)).toEqual(['We are closed.']);
  });

  it('measures coverage of nodes and options', () => {
    const flow = flowOf(`${base}expect:\n  - { name: person, inputs: [0], ends: agent }\n`);
    const coverage = coverageOf(flow, runExpectations(flow));
    expect(coverage.nodes).toEqual({
      covered: 3,
      total: 6,
      missing: ['number', 'billing', 'closed'],
    });
    expect(coverage.options).toEqual({ covered: 1, total: 2, missing: ['main key 1 → number'] });
    expect(coverage.percent).toBe(50);
  });

  it('writes JUnit XML with a failure per failing expectation', () => {
    const flow = flowOf(
      `${base}expect:\n  - { name: ok, inputs: [0], ends: agent }\n  - { name: wrong, inputs: [1], ends: agent }\n`,
      'exp.yaml',
    );
    const res = runExpectations(flow);
    const xml = testRunJunit({
      flows: [{ file: 'exp.yaml', flow, results: res, coverage: coverageOf(flow, res) }],
      invalid: [],
      passed: 1,
      failed: 1,
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuites tests="2" failures="1"');
  });
});

describe('generated paths', () => {
  it('reach every node a call can stop at, and pass as expect entries when pasted in', () => {
    const flow = flowOf(base);
    const paths = generatePaths(flow);
    expect(paths.map((path) => path.ends).sort()).toEqual([
      'agent',
      'billing',
      'closed',
      'main',
      'number',
    ]);
    const pasted = flowOf(`${base}expect:\n${pathsAsYaml(paths).replace(/^/gm, '  ')}`);
    const run = runExpectations(pasted);
    expect(run.every((result) => result.passed)).toBe(true);
    expect(coverageOf(pasted, run).percent).toBe(100);
  });

  it('--to human gives one path per reachable agent', () => {
    expect(generatePaths(flowOf(base), 'human').map((path) => path.ends)).toEqual([
      'agent',
      'billing',
    ]);
  });

  it('takes the condition values with the fewest steps, as check counts them', () => {
    const doctor = flowOf(
      'id: doctor\nstart: hours_check\nconditions:\n  hours: [open, closed]\nnodes:\n  hours_check: { type: branch, condition: hours, cases: { open: main, closed: after_hours } }\n  main: { type: menu, prompt: For the nurse press 1., options: [{ key: 1, to: nurse }], noMatch: { then: nurse }, noInput: { then: nurse } }\n  after_hours: { type: say, prompt: The nurse on call takes your call., next: nurse }\n  nurse: { type: agent }\n',
    );
    expect(generatePaths(doctor, 'human')).toEqual([
      {
        name: 'a human at nurse in 0 steps',
        given: { hours: 'closed' },
        inputs: [],
        ends: 'nurse',
      },
    ]);
  });
});

describe('phonemaze test and paths on the command line', () => {
  it('exits 0 when every expectation passes, 1 when one fails, and prints the transcript', async () => {
    const pass = await runCli('test', fixture('full-format.yaml'));
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/5 passed, 0 failed\n$/);
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/pm-`);
    const file = `${dir}/failing.yaml`;
    (await import('node:fs')).writeFileSync(
      file,
      `${base}expect:\n  - { name: wrong end, inputs: [1], ends: agent }\n`,
    );
    const fail = await runCli('test', file);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('✗ wrong end');
    expect(fail.stdout).toContain('transcript:');
    expect(fail.stdout).toContain('1 (option) → number  "Number?"');
    expect(fail.stdout).toMatch(/0 passed, 1 failed\n$/);
  });

  it('--min-coverage fails a flow covered less', async () => {
    const run = await runCli('test', fixture('full-format.yaml'), '--min-coverage', '90');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('coverage 70.6% is below --min-coverage 90%');
  });

  it('--reporter junit writes XML', async () => {
    const run = await runCli('test', fixture('full-format.yaml'), '--reporter', 'junit');
    expect(XMLValidator.validate(run.stdout)).toBe(true);
  });

  it('paths prints entries that parse as YAML', async () => {
    const run = await runCli('paths', fixture('full-format.yaml'), '--to', 'human');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# 2 generated paths through full-format');
    expect(readFileSync(fixture('full-format.yaml'), 'utf8')).toContain('expect:');
  });
});
