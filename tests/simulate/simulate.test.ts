import { describe, expect, it } from 'vitest';
import { loadFlowFile } from '../../src/flow/load.js';
import { Call } from '../../src/machine/call.js';
import { type CallerProfile, simulate } from '../../src/simulate/simulate.js';
import { flowOf } from '../helpers.js';

const careful: CallerProfile = {
  name: 'careful',
  share: 1,
  goal: 'human',
  keyMistake: 0,
  phraseMisunderstood: 0,
  knowsZero: 0,
  patience: { seconds: 600, errors: 10 },
};

describe('simulated callers', () => {
  it('everyone reaches a person in one step when pressing 0 is the way', () => {
    const flow = flowOf(
      'id: z\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 0., options: [{ key: 0, to: agent }] }\n  agent: { type: agent }\n',
    );
    const [result] = simulate(flow, { callers: 1000, seed: 7, profiles: [careful] }).results;
    expect(result).toMatchObject({
      callers: 1000,
      share: { goal: 1, abandoned: 0, disconnected: 0 },
      steps: { median: 1, p90: 1 },
    });
    expect(result?.histogram).toEqual([0, 1000]);
  });

  it('a known mis-press chance gives the expected share of disconnected callers', () => {
    // One try, no then: a mis-press disconnects. 30% mis-press → about 30% disconnected.
    const flow = flowOf(
      'id: m\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 1., options: [{ key: 1, to: agent }], tries: 1 }\n  agent: { type: agent }\n',
    );
    const [result] = simulate(flow, {
      callers: 20_000,
      seed: 42,
      profiles: [{ ...careful, keyMistake: 0.3 }],
    }).results;
    expect(result?.share.disconnected).toBeGreaterThan(0.28);
    expect(result?.share.disconnected).toBeLessThan(0.32);
    expect((result?.share.goal ?? 0) + (result?.share.disconnected ?? 0)).toBeCloseTo(1, 10);
  });

  it('counts a hang-up reached by errors as disconnected by the system, one chosen as another end', () => {
    // "Sorry, I didn't understand you. Goodbye.": a then into a hang-up throws the caller out.
    const flow = flowOf(
      'id: h\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 1 or 2., options: [{ key: 1, to: agent }, { key: 2, to: bye }], tries: 1, noMatch: { then: sorry }, noInput: { then: sorry } }\n  sorry: { type: say, prompt: Sorry., next: bye }\n  bye: { type: hangup, prompt: Goodbye. }\n  agent: { type: agent }\n',
    );
    const [misPressing] = simulate(flow, {
      callers: 10_000,
      seed: 3,
      profiles: [{ ...careful, keyMistake: 0.2 }],
    }).results;
    expect(misPressing?.share.ended).toBe(0);
    expect(misPressing?.share.disconnected).toBeGreaterThan(0.18);
    expect(misPressing?.share.disconnected).toBeLessThan(0.22);
    const [choosingBye] = simulate(flow, {
      callers: 100,
      seed: 3,
      profiles: [{ ...careful, goal: 'bye' }],
    }).results;
    expect(choosingBye?.share).toMatchObject({ goal: 1, disconnected: 0 });
  });

  it('gives the same result for the same seed, and another for another seed', async () => {
    const flow = await loadFlowFile(
      new URL('../../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname,
    );
    const a = simulate(flow, { callers: 2000, seed: 1 });
    expect(simulate(flow, { callers: 2000, seed: 1 })).toEqual(a);
    expect(simulate(flow, { callers: 2000, seed: 2 })).not.toEqual(a);
  });

  it('only walks ways the machine allows: replayed on the machine, each caller ends where it ended', async () => {
    for (const name of [
      '4-phone-computer.as-was.yaml',
      '5-isdn-fault.as-was.yaml',
      'acme-support.yaml',
    ]) {
      const flow = await loadFlowFile(new URL(`../../flows/${name}`, import.meta.url).pathname);
      const { callers = [] } = simulate(flow, { callers: 300, seed: 3, trace: true });
      for (const caller of callers) {
        const call = new Call(flow, caller.conditions);
        for (const input of caller.inputs ?? []) call.sendWritten(input);
        const where =
          call.ended && call.node === '$disconnected' ? call.outcome()?.node : call.node;
        expect(where, `${name}: ${caller.inputs?.join(', ')}`).toBe(caller.node);
        expect(call.stepCount).toBe(caller.steps);
        expect(call.secondsInMenus).toBeCloseTo(caller.seconds, 6);
      }
    }
  });
});

describe('profiles in the flow', () => {
  it('are used when none are given, with defaults for what they leave out', async () => {
    const { flowFromFixture } = await import('../helpers.js');
    const flow = flowFromFixture('full-format.yaml');
    expect(flow.callers?.[1]).toMatchObject({
      name: 'verirrt',
      goal: 'human',
      keyMistake: 0.05,
      patience: { seconds: 180, errors: 4 },
    });
    const { results } = simulate(flow, { callers: 4000, seed: 5 });
    expect(results.map((r) => r.profile)).toEqual(['Stammkunde', 'verirrt']);
    expect(results[0]?.callers).toBeGreaterThan(2800); // a share of 3 in 4
    expect(results[0]?.callers).toBeLessThan(3200);
  });
});

describe('phonemaze simulate', () => {
  it('reports per profile in text or JSON, the same for the same seed', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const flow = new URL('../../flows/1-installation-date.mended.yaml', import.meta.url).pathname;
    const json = await runCli(
      'simulate',
      flow,
      '--callers',
      '500',
      '--seed',
      '3',
      '--format',
      'json',
    );
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.profiles.map((p: { profile: string }) => p.profile)).toEqual([
      'knows what they want',
      'lost',
    ]);
    expect(
      JSON.parse(
        (await runCli('simulate', flow, '--callers', '500', '--seed', '3', '--format', 'json'))
          .stdout,
      ),
    ).toEqual(parsed);
    const text = await runCli('simulate', flow, '--callers', '500');
    expect(text.stdout).toMatch(/knows what they want \(\d+ callers\)\n {2}reached their goal/);
    expect(text.stdout).toMatch(/\d+ steps █+ \d+/);
    expect((await runCli('simulate', flow, '--format', 'xml')).code).toBe(2);
  });
});

describe('simulating on worker threads', () => {
  it('splits the callers across workers and gives the same result for the same seed', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
    const flow = new URL('../../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname;
    const run = () =>
      spawnSync(
        'node',
        [
          bin,
          'simulate',
          flow,
          '--callers',
          '3001',
          '--workers',
          '2',
          '--seed',
          '9',
          '--format',
          'json',
        ],
        { encoding: 'utf8' },
      );
    const first = run();
    expect(first.status).toBe(0);
    const parsed = JSON.parse(first.stdout);
    expect(parsed.workers).toBe(2);
    expect(
      parsed.profiles.reduce((sum: number, p: { callers: number }) => sum + p.callers, 0),
    ).toBe(3001);
    expect(JSON.parse(run().stdout)).toEqual(parsed);
  });
});
