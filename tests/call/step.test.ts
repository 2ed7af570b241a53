/**
 * The one step function against the compiled machine, the reference model: on every bundled flow
 * and on random flows, every shortest path `xstate/graph` finds through the machine, replayed
 * with `step`, stands at the same node after every event and ends where the machine ends.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { CallerEvent } from '../../src/call/events.js';
import { type CallState, startCall, step } from '../../src/call/step.js';
import { conditionCombinations } from '../../src/flow/conditions.js';
import type { Flow } from '../../src/flow/types.js';
import { compile } from '../../src/machine/compile.js';
import { callerEvents, isCompleteCallerEvent } from '../../src/machine/events.js';
import { randomFlowYaml } from '../analysis/random-flows.js';
import { flowOf } from '../helpers.js';

const flows = new URL('../../flows/', import.meta.url).pathname;

/** Replays each of the machine's shortest paths with `step`; returns how many steps it held. */
function holdToMachine(flow: Flow): number {
  const machine = compile(flow);
  let held = 0;
  for (const conditions of conditionCombinations(flow)) {
    const paths = getShortestPaths(machine, {
      input: { conditions },
      events: callerEvents(flow, { hangUp: true }),
      filterEvents: (_, event) => isCompleteCallerEvent(event) || event.type === 'hangUp',
      limit: 20_000,
    });
    for (const path of paths) {
      let state: CallState = startCall(flow, conditions).state;
      const actor = createActor(machine, { input: { conditions } }).start();
      expect(state.node).toBe(String(actor.getSnapshot().value));
      for (const { event } of path.steps.slice(1)) {
        state = step(flow, conditions, state, event as CallerEvent).state;
        actor.send(event as CallerEvent);
        const snapshot = actor.getSnapshot();
        expect(state.node, `${flow.id}: ${JSON.stringify(path.steps.map((s) => s.event))}`).toBe(
          String(snapshot.value),
        );
        expect(state.noMatchCount).toBe(snapshot.context.noMatchCount);
        expect(state.noInputCount).toBe(snapshot.context.noInputCount);
        expect(state.collected).toEqual(snapshot.context.collected);
        held += 1;
      }
      actor.stop();
    }
  }
  return held;
}

describe('step, the one way a call moves', () => {
  for (const name of readdirSync(flows).filter((file) => file.endsWith('.yaml'))) {
    it(`takes every shortest path of the machine of ${name}`, async () => {
      const { loadFlowFile } = await import('../../src/flow/load.js');
      expect(holdToMachine(await loadFlowFile(`${flows}${name}`))).toBeGreaterThan(0);
    });
  }

  it('takes every shortest path of the machine of random flows', () => {
    fc.assert(
      fc.property(randomFlowYaml, (yaml) => {
        holdToMachine(flowOf(yaml, 'random.yaml'));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the state it is given as it was, and counts the clock', () => {
    const flow = flowOf(
      'id: s\nstart: main\nsettings: { wordsPerMinute: 60 }\nnodes:\n  main: { type: menu, prompt: Press one now, timeout: 4s, options: [{ key: 1, to: agent }], noInput: { prompt: Hello there, tries: 2, then: agent } }\n  agent: { type: agent }\n',
    );
    const start = startCall(flow, {});
    // "Press one now": 3 words at 60 a minute.
    expect(start.state).toMatchObject({ node: 'main', seconds: 3, steps: 0 });
    const frozen = JSON.stringify(start.state);
    const silent = step(flow, {}, start.state, { type: 'silence' });
    expect(JSON.stringify(start.state)).toBe(frozen);
    // The timeout, the handler's prompt (2 words), the menu again.
    expect(silent).toMatchObject({
      effect: 'noInput',
      state: { node: 'main', noInputCount: 1, seconds: 3 + 4 + 2 + 3, steps: 1 },
    });
    expect(silent.heard.map((h) => h.prompt)).toEqual(['Hello there', 'Press one now']);
    const out = step(flow, {}, silent.state, { type: 'silence' });
    expect(out).toMatchObject({
      effect: 'noInput',
      state: { node: 'agent', noInputCount: 0, steps: 2 },
    });
    expect(step(flow, {}, out.state, { type: 'press', key: '1' }).state).toBe(out.state);
  });
});
