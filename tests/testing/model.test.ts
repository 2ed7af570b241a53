import { describe, expect, it } from 'vitest';
import { DeviationError, flowPaths, loadFlowFile } from '../../src/testing/index.js';
import { sampleIvrAdapter } from './sample-ivr.js';

const acme = await loadFlowFile(new URL('../../flows/acme-support.yaml', import.meta.url).pathname);

describe('phonemaze/testing: an IVR implementation tested by its flow', () => {
  const paths = flowPaths(acme, { simplePaths: true, maxStatesForSimplePaths: 40, maxPaths: 150 });

  it('generates the shortest path to every state, and simple paths, for every condition value', () => {
    expect(
      paths.some((path) => path.conditions.hours === 'closed' && path.steps.length === 0),
    ).toBe(true);
    const reached = new Set(paths.flatMap((path) => path.steps.map((step) => step.node)));
    for (const node of ['main', 'billing', 'fault_end', 'agent', 'billing_agent', '$disconnected'])
      expect(reached).toContain(node);
    expect(paths.length).toBeGreaterThan(20);
  });

  it('catches the one deviation of the sample IVR, and nothing else', async () => {
    const failures: string[] = [];
    for (const path of paths) {
      try {
        await path.test(sampleIvrAdapter());
      } catch (error) {
        expect(error).toBeInstanceOf(DeviationError);
        failures.push(`${path.description}: ${(error as Error).message}`);
      }
    }
    expect(failures.length).toBeGreaterThan(0);
    // Every failing path presses 2 at the main menu, where the sample IVR deviates...
    for (const failure of failures)
      expect(failure).toMatch(
        /After (\S+, )*2, the flow is at fault_end and says "Please restart your router/,
      );
    // ...and every path that does so fails.
    const pressingTwo = paths.filter((path) =>
      path.steps.some((step) => step.input === '2' && step.node === 'fault_end'),
    );
    expect(failures).toHaveLength(pressingTwo.length);
  });
});
