/**
 * The analyzer's figures against the machine's: `xstate/graph`'s shortest paths on the compiled
 * machine must find the same fewest steps to a human, and never reach a node the analyzer calls
 * unreachable, for every bundled flow and for random flows.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsOf, reaches, type Search, searchWith } from '../../src/analysis/facts.js';
import { Call } from '../../src/call/call.js';
import { conditionCombinations } from '../../src/flow/conditions.js';
import { loadFlowFile } from '../../src/flow/load.js';
import type { Flow } from '../../src/flow/types.js';
import { readMenuFile } from '../../src/import/read.js';
import { fixture, flowOf } from '../helpers.js';
import { machineFigures } from './machine-figures.js';
import { randomFlowYaml } from './random-flows.js';

function reachedIn(search: Search): Uint8Array {
  return Uint8Array.from(search.live.statesAt, (_, vertex) => (reaches(search, vertex) ? 1 : 0));
}

function expectAgreement(flow: Flow) {
  const facts = factsOf(flow);
  const combinations = conditionCombinations(flow);
  combinations.forEach((conditions) => {
    // The search with every value given is the analysis of one combination.
    const search = searchWith(facts, conditions);
    const ours = { human: search.human, reachable: reachedIn(search) };
    if (ours?.human) {
      // The simulator, walking the analyzer's way, reaches a person in the same steps and time.
      const call = new Call(flow, conditions);
      for (const input of ours.human.inputs) call.sendWritten(input);
      expect(call.outcome()).toMatchObject({ kind: 'human', node: ours.human.agent });
      expect(call.stepCount).toBe(ours.human.steps);
      expect(call.secondsInMenus).toBeCloseTo(ours.human.seconds, 6);
    }
    const machine = machineFigures(flow, conditions);
    expect(
      ours?.human?.steps ?? Number.POSITIVE_INFINITY,
      `${flow.id} ${JSON.stringify(conditions)}`,
    ).toBe(machine.fewest);
    for (const [id, node] of flow.nodes) {
      // Say and branch nodes are passed through, never rested in, so the machine cannot show them.
      if (node.type === 'say' || node.type === 'branch') continue;
      const vertex = facts.graph.index.get(id) as number;
      expect(
        Boolean(ours?.reachable[vertex]),
        `${flow.id}: ${id} with ${JSON.stringify(conditions)}`,
      ).toBe(machine.reached.has(id));
    }
  });
}

const flowsFolder = new URL('../../flows/', import.meta.url).pathname;

describe('the analyzer agrees with the machine', () => {
  for (const name of readdirSync(flowsFolder).filter((file) => file.endsWith('.yaml'))) {
    it(`on the bundled flow ${name}`, async () => {
      expectAgreement(await loadFlowFile(`${flowsFolder}${name}`));
    });
  }

  it('on the full-format fixture', async () => {
    expectAgreement(await loadFlowFile(fixture('full-format.yaml')));
  });

  // Every export an importer reads: the flow it makes compiles to a machine that agrees too.
  const importsFolder = fixture('import');
  const exports = readdirSync(importsFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(json|yaml|xml|vxml|conf)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${sep}bad${sep}`))
    .sort();
  for (const file of exports) {
    it(`on the imported ${relative(importsFolder, file)}`, async () => {
      const read = await readMenuFile(file);
      if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
      expectAgreement(read.flow);
    });
  }

  it('on random flows', () => {
    fc.assert(
      fc.property(randomFlowYaml, (yaml) => {
        expectAgreement(flowOf(yaml, 'random.yaml'));
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
