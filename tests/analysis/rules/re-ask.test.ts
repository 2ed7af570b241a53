import rule from '../../../src/analysis/rules/re-ask.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

const ask = (next: string, collect = 'customerNumber') =>
  `{ type: input, prompt: Your customer number?, collect: ${collect}, digits: 8, next: ${next}, noMatch: { then: agent }, noInput: { then: agent } }`;

ruleTester(rule, {
  valid: [
    flow('number', { number: ask('agent'), agent: AGENT }),
    {
      name: 'asked again only after it was not understood',
      flow: flow('number', {
        number: `{ type: input, prompt: Number?, collect: customerNumber, next: agent, noMatch: { then: again } }`,
        again: ask('agent'),
        agent: AGENT,
      }),
    },
    {
      name: 'different values',
      flow: flow('number', {
        number: ask('fault'),
        fault: ask('agent', 'faultCode'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'asked again at each hand-over',
      flow: flow('number', {
        number: ask('fault_menu'),
        fault_menu: menu('{ key: 1, to: tech }, { key: 0, to: agent }'),
        tech: ask('agent'),
        agent: AGENT,
      }),
      findings: [{ node: 'tech', messageId: 'askedAgain', line: 6, column: 3 }],
    },
    {
      name: 'a loop back to the same input',
      flow: flow('number', {
        number: ask('main'),
        main: menu('{ key: 1, to: number }, { key: 0, to: agent }'),
        agent: AGENT,
      }),
      findings: [{ node: 'number', messageId: 'askedAgain', line: 4, column: 3 }],
    },
  ],
});
