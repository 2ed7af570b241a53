/**
 * A flow of forty conditions through every command that reads conditions: the analysis searches
 * live values, so none of them meets 2^40 combinations (the enumeration ran out of memory here).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsFlowYaml } from '../../bench/conditions.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pm-conditions-'));
const file = join(dir, 'forty.yaml');
writeFileSync(file, conditionsFlowYaml(40));

describe('a flow of forty conditions', () => {
  it('is checked, with the values that change the way to a human listed', async () => {
    const run = await runCli('check', file, '--format', 'json');
    const flow = JSON.parse(run.stdout).flows[0];
    expect(flow.human).toMatchObject({ reachable: true, minSteps: 1, inputs: ['0'] });
    // The way passes every branch, so it reads every condition; of each condition's values one
    // plays the longer message, so it puts a human further away in time: one group each.
    expect(Object.keys(flow.human.given)).toHaveLength(40);
    expect(flow.byConditions).toHaveLength(40);
    const named = new Set<string>();
    for (const group of flow.byConditions) {
      named.add(Object.keys(group.conditions)[0] as string);
      expect(group.minSteps).toBe(1);
      expect(group.minSeconds).toBeGreaterThan(flow.human.minSeconds);
    }
    expect(named.size).toBe(40);
    expect(flow.byConditionsLeftOut).toBeUndefined();
  });

  it('lists at most 50 values and counts the rest', async () => {
    writeFileSync(join(dir, 'sixty.yaml'), conditionsFlowYaml(60));
    const run = await runCli('check', join(dir, 'sixty.yaml'), '--format', 'json');
    const flow = JSON.parse(run.stdout).flows[0];
    expect(flow.byConditions).toHaveLength(50);
    expect(flow.byConditionsLeftOut).toBe(10);
  });

  it('gives paths that name only the values they read, and the test of them passes', async () => {
    const paths = await runCli('paths', file, '--to', 'human');
    expect(paths.code).toBe(0);
    expect(paths.stdout).toMatch(/given:\s+\{\s+c0: (yes|no),/);
    writeFileSync(
      join(dir, 'tested.yaml'),
      `${conditionsFlowYaml(40)}expect:\n  - name: a person when c0 is no\n    given: { c0: "no" }\n    reach: human\n    within: 1 step\n`,
    );
    const test = await runCli('test', join(dir, 'tested.yaml'));
    expect(test.stdout).toContain('a person when c0 is no');
    expect(test.code).toBe(0);
  });

  it('is simulated, the conditions drawn per caller', async () => {
    const run = await runCli('simulate', file, '--callers', '2000', '--format', 'json');
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout);
    expect(JSON.stringify(results)).toContain('"callers":');
  });
});
