import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Call } from '../../src/call/call.js';
import { eventForInput } from '../../src/call/events.js';
import { type CallerInput, parseCallerInput } from '../../src/flow/caller-input.js';
import { DISCONNECTED } from '../../src/flow/ends.js';
import { loadFlowFile } from '../../src/flow/load.js';
import { compile } from '../../src/machine/compile.js';
import { type CallerProfile, simulate } from '../../src/simulate/simulate.js';
import { WORKERS_PAY_FROM, workersThatPay } from '../../src/simulate/workers.js';
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
      share: { goal: 1, human: 1, abandoned: 0, disconnected: 0, ended: 0 },
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
    expect(choosingBye?.share).toMatchObject({ goal: 1, human: 0, ended: 1, disconnected: 0 });
  });

  it('counts reaching the goal and reaching a human apart: everyone who met a person is "human"', () => {
    const flow = flowOf(
      'id: g\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 1 or 0., options: [{ key: 1, to: billing }, { key: 0, to: agent }] }\n  billing: { type: agent }\n  agent: { type: agent }\n',
    );
    const [toBilling] = simulate(flow, {
      callers: 1000,
      seed: 5,
      profiles: [{ ...careful, goal: 'billing' }],
    }).results;
    expect(toBilling?.share).toMatchObject({ goal: 1, human: 1 });
    const [lost] = simulate(flow, {
      callers: 4000,
      seed: 5,
      profiles: [{ ...careful, goal: 'billing', lost: true }],
    }).results;
    // A lost caller presses 1 or 0 at random: about half reach billing, everyone reaches a person.
    expect(lost?.share.human).toBe(1);
    expect(lost?.share.goal).toBeGreaterThan(0.45);
    expect(lost?.share.goal).toBeLessThan(0.55);
    const ends = lost?.share;
    expect(
      (ends?.human ?? 0) + (ends?.abandoned ?? 0) + (ends?.disconnected ?? 0) + (ends?.ended ?? 0),
    ).toBeCloseTo(1, 10);
  });

  it('splits callers between profiles by their shares, from the first caller, in every stream', () => {
    const flow = flowOf(
      'id: p\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 0., options: [{ key: 0, to: agent }] }\n  agent: { type: agent }\n',
    );
    const profiles = [
      { ...careful, name: 'often', share: 0.8 },
      { ...careful, name: 'seldom', share: 0.2 },
    ];
    for (const seed of [1, 7, 1000]) {
      // 64 streams of 25 callers, as 64 worker threads would draw them.
      let seldom = 0;
      let firstSeldom = 0;
      for (let stream = 0; stream < 64; stream++) {
        const { callers = [] } = simulate(flow, {
          callers: 25,
          seed,
          stream,
          profiles,
          trace: true,
        });
        seldom += callers.filter((caller) => caller.profile === 'seldom').length;
        if (callers[0]?.profile === 'seldom') firstSeldom += 1;
      }
      // 1,600 callers at 20%: 320 expected, standard deviation 16; four of them either side.
      expect(seldom, `seed ${seed}`).toBeGreaterThan(256);
      expect(seldom, `seed ${seed}`).toBeLessThan(384);
      // The first caller of each stream is "seldom" about one time in five, not every time.
      expect(firstSeldom, `seed ${seed}`).toBeLessThan(30);
    }
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
      const machine = compile(flow);
      for (const caller of callers) {
        // Where the caller ends, on the machine itself.
        const actor = createActor(machine, { input: { conditions: caller.conditions } }).start();
        const call = new Call(flow, caller.conditions);
        for (const input of caller.inputs ?? []) {
          // A bare `value` is written out by the call: the machine is sent the same value.
          const written = call.sendWritten(input).input ?? input;
          actor.send(eventForInput(parseCallerInput(written) as CallerInput));
        }
        const snapshot = actor.getSnapshot();
        const where =
          String(snapshot.value) === DISCONNECTED
            ? snapshot.context.disconnected?.node
            : String(snapshot.value);
        expect(where, `${name}: ${caller.inputs?.join(', ')}`).toBe(caller.node);
        // And the clock, as the one step function counts it.
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
    // The built module: a worker thread runs dist/simulate/worker.js.
    const { simulateInWorkers } = (await import(
      new URL('../../dist/simulate/workers.js', import.meta.url).href
    )) as typeof import('../../src/simulate/workers.js');
    const file = new URL('../../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname;
    const flow = await loadFlowFile(file);
    const run = () => simulateInWorkers(file, flow, { callers: 3001, seed: 9 }, 2);
    const first = await run();
    expect(first.reduce((sum, p) => sum + p.callers, 0)).toBe(3001);
    expect(await run()).toEqual(first);
    // Two streams of one seed are not one stream twice.
    const single = simulate(flow, { callers: 3001, seed: 9 }).results;
    expect(first).not.toEqual(single);
  });

  it('simulates on one thread where workers would not pay, and says so', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
    const flow = new URL('../../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname;
    const run = spawnSync(
      'node',
      [bin, 'simulate', flow, '--callers', '3001', '--workers', '2', '--format', 'json'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).workers).toBe(1);
    expect(run.stderr).toContain('--workers 2: simulating on one thread');
    expect(workersThatPay(WORKERS_PAY_FROM, 64)).toBe(availableParallelism());
    expect(workersThatPay(WORKERS_PAY_FROM - 1, 2)).toBe(1);
  });
});
