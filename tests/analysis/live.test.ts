/**
 * The live-states search against the enumeration of every combination of condition values it
 * replaced, and against `xstate/graph` on the compiled machine, on random flows whose conditions
 * are read several times: every figure, and the nodes of every rule that reads conditions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { factsOf, searchWith } from '../../src/analysis/facts.js';
import { liveGraphOf, TooManyStatesError } from '../../src/analysis/live.js';
import { conditionCombinations } from '../../src/flow/conditions.js';
import type { Flow } from '../../src/flow/types.js';
import { flowOf } from '../helpers.js';
import { enumeratedFactsOf } from './enumeration.js';
import {
  reAskNodes,
  trapNodes,
  unresolvedHangupNodes,
  valuesWithoutHuman,
} from './enumeration-rules.js';
import { machineFigures } from './machine-figures.js';
import { randomConditionalFlowYaml } from './random-flows.js';

const nodesOf = (flow: Flow, rule: string) => {
  const result = checkFlow(flow);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return new Set(result.report.findings.filter((f) => f.rule === rule).map((f) => f.node));
};

function expectSameAsEnumeration(flow: Flow) {
  const facts = factsOf(flow);
  const old = enumeratedFactsOf(flow);
  expect(facts.human?.steps).toBe(old.human?.steps);
  if (old.humanSeconds !== undefined) expect(facts.humanSeconds).toBeCloseTo(old.humanSeconds, 6);
  else expect(facts.humanSeconds).toBeUndefined();
  expect([...facts.reachable]).toEqual([...old.reachable]);
  expect(new Map(facts.depth)).toEqual(new Map(old.depth));
  // The way to a human reads values under which it is the fewest steps.
  if (facts.human) {
    const given = searchWith(facts, facts.human.given);
    expect(given.human?.steps).toBe(facts.human.steps);
  }
  const deadEnds = nodesOf(flow, 'dead-end');
  expect(nodesOf(flow, 'trap'), 'trap').toEqual(trapNodes(old, deadEnds));
  expect(nodesOf(flow, 're-ask'), 're-ask').toEqual(reAskNodes(old));
  expect(nodesOf(flow, 'unresolved-hangup'), 'unresolved-hangup').toEqual(
    unresolvedHangupNodes(old),
  );
  const result = checkFlow(flow);
  if (!result.ok) throw new Error('invalid');
  const noHuman = result.report.findings
    .filter((finding) => finding.rule === 'human-unavailable')
    .map((finding) => /^When (\S+), no human/.exec(finding.message)?.[1]);
  expect(new Set(noHuman), 'human-unavailable').toEqual(
    old.human ? valuesWithoutHuman(old) : new Set(),
  );
  // Each combination searched alone is the enumeration's figure for it.
  conditionCombinations(flow).forEach((conditions, i) => {
    const search = searchWith(facts, conditions);
    expect(search.human?.steps).toBe(old.byConditions[i]?.human?.steps);
  });
}

function expectSameAsMachine(flow: Flow) {
  const facts = factsOf(flow);
  for (const conditions of conditionCombinations(flow)) {
    const search = searchWith(facts, conditions);
    expect(search.human?.steps ?? Number.POSITIVE_INFINITY).toBe(
      machineFigures(flow, conditions).fewest,
    );
  }
}

describe('the live-states search', () => {
  it('finds what the enumeration of every combination found, on random flows', () => {
    fc.assert(
      fc.property(randomConditionalFlowYaml, (yaml) => {
        expectSameAsEnumeration(flowOf(yaml, 'random.yaml'));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with xstate/graph on the compiled machine, conditions given as input', () => {
    fc.assert(
      fc.property(randomConditionalFlowYaml, (yaml) => {
        const flow = flowOf(yaml, 'random.yaml');
        fc.pre(conditionCombinations(flow).length <= 16);
        expectSameAsMachine(flow);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a condition read twice at the value it was first read with', () => {
    const flow = flowOf(`
id: twice
start: first
conditions: { hours: [open, closed] }
nodes:
  first: { type: branch, condition: hours, cases: { open: menu, closed: menu } }
  menu: { type: menu, prompt: Press 1., options: [{ key: 1, to: second }] }
  second: { type: branch, condition: hours, cases: { open: closed_line, closed: agent } }
  closed_line: { type: hangup }
  agent: { type: agent, queue: q }
`);
    const live = factsOf(flow).live;
    const menu = factsOf(flow).graph.index.get('menu') as number;
    // Two states at the menu: one for each value, carried to the second read.
    expect(live.statesAt[menu]?.map((state) => live.points[state]?.values)).toEqual([
      { hours: 'open' },
      { hours: 'closed' },
    ]);
    expect(factsOf(flow).human?.given).toEqual({ hours: 'closed' });
  });

  it('forgets a value once nothing ahead reads it: forty conditions are about twice the nodes', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => [
      `  b${i}: { type: branch, condition: c${i}, cases: { yes: y${i}, no: n${i} } }`,
      `  y${i}: { type: say, prompt: Yes ${i}., next: ${i === 39 ? 'menu' : `b${i + 1}`} }`,
      `  n${i}: { type: say, prompt: No ${i}., next: ${i === 39 ? 'menu' : `b${i + 1}`} }`,
    ]).flat();
    const flow = flowOf(`
id: forty
start: b0
conditions: { ${Array.from({ length: 40 }, (_, i) => `c${i}: [yes, no]`).join(', ')} }
nodes:
${nodes.join('\n')}
  menu: { type: menu, prompt: Press 0., options: [{ key: 0, to: agent }] }
  agent: { type: agent, queue: q }
`);
    const facts = factsOf(flow);
    // One state per node, and the system's disconnect the menu's default handler leads to.
    expect(facts.live.points.length).toBe(flow.nodes.size + 1);
    expect(facts.human?.steps).toBe(1);
  });
});

describe('a flow that carries many values at once', () => {
  it('is refused past the bound on states, saying what to change', () => {
    // Each condition is read at the start and again at the end: every value is carried between.
    const count = 6;
    const reads = (at: string, then: string) =>
      Array.from(
        { length: count },
        (_, i) =>
          `  ${at}${i}: { type: branch, condition: c${i}, cases: { yes: ${i + 1 < count ? `${at}${i + 1}` : then}, no: ${i + 1 < count ? `${at}${i + 1}` : then} } }`,
      );
    const flow = flowOf(`
id: carried
start: first0
conditions: { ${Array.from({ length: count }, (_, i) => `c${i}: [yes, no]`).join(', ')} }
nodes:
${reads('first', 'menu').join('\n')}
  menu: { type: menu, prompt: Press 1., options: [{ key: 1, to: again0 }] }
${reads('again', 'agent').join('\n')}
  agent: { type: agent, queue: q }
`);
    const { graph } = factsOf(flow);
    // 2^6 states at the menu alone.
    expect(liveGraphOf(graph).statesAt[graph.index.get('menu') as number]).toHaveLength(64);
    expect(() => liveGraphOf(graph, undefined, 50)).toThrow(TooManyStatesError);
    const refused = (() => {
      try {
        liveGraphOf(graph, undefined, 50);
      } catch (error) {
        return error as TooManyStatesError;
      }
    })();
    expect(refused?.message).toMatch(/too many condition values live/);
    expect(refused?.hint).toMatch(/Read each condition in one place/);
  });
});
