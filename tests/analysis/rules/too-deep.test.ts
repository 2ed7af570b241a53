import rule from '../../../src/analysis/rules/too-deep.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

const menus = (count: number) => {
  const nodes: Record<string, string> = { agent: AGENT };
  for (let i = 1; i <= count; i++)
    nodes[`m${i}`] = menu(
      `{ key: 1, to: ${i === count ? 'agent' : `m${i + 1}`} }, { key: 0, to: agent }`,
    );
  return flow('m1', nodes);
};

ruleTester(rule, {
  valid: [
    menus(3),
    { name: 'deeper under a higher limit', flow: menus(5), limits: { maxDepth: 5 } },
    {
      name: 'depth is by the shortest way: a shortcut keeps a menu shallow',
      flow: flow('m1', {
        m1: menu('{ key: 1, to: m2 }, { key: 2, to: m4 }'),
        m2: menu('{ key: 1, to: m3 }'),
        m3: menu('{ key: 1, to: m4 }'),
        m4: menu('{ key: 0, to: agent }'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'five menus deep',
      flow: menus(5),
      findings: [
        { node: 'm4', messageId: 'tooDeep', line: 8, column: 3 },
        { node: 'm5', messageId: 'tooDeep', line: 9, column: 3 },
      ],
    },
  ],
});
