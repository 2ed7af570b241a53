import rule from '../../../src/analysis/rules/steps-to-human.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

/** A menu whose handlers lead to the hang-up, so the only way on is its option. */
const only = (to: string) =>
  `{ type: menu, prompt: Press 1., options: [{ key: 1, to: ${to} }], noMatch: { then: bye }, noInput: { then: bye } }`;
const chain = flow('m1', {
  m1: only('m2'),
  m2: only('m3'),
  m3: only('m4'),
  m4: only('agent'),
  agent: AGENT,
  bye: '{ type: hangup }',
});

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    { name: 'four steps under a limit of four', flow: chain, limits: { maxStepsToHuman: 4 } },
    {
      name: 'the flow limits win',
      flow: chain.replace('nodes:', 'limits: { maxStepsToHuman: 4 }\nnodes:'),
    },
  ],
  invalid: [
    {
      name: 'four menus deep',
      flow: chain,
      findings: [{ node: 'm1', messageId: 'tooManySteps', line: 4, column: 3 }],
    },
    {
      name: 'retries count: three no-inputs to reach a person',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: main2 }], noInput: { then: agent, tries: 3 }, noMatch: { then: agent, tries: 4 } }',
        main2: '{ type: hangup }',
        agent: AGENT,
      }),
      limits: { maxStepsToHuman: 2 },
      findings: [{ node: 'main', messageId: 'tooManySteps', line: 4, column: 3 }],
    },
  ],
});
