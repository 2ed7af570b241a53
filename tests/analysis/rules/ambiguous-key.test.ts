import rule from '../../../src/analysis/rules/ambiguous-key.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu('{ key: 1, to: agent }, { key: 0, to: agent }, { key: 912, to: agent }'),
      agent: AGENT,
    }),
    {
      name: 'extensions of one length',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 22, to: agent }, { key: 23, to: agent }'),
        agent: AGENT,
      }),
    },
    {
      name: 'the same digit in another menu',
      flow: flow('main', {
        main: menu('{ key: 1, to: sub }'),
        sub: menu('{ key: 12, to: agent }'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'a choice and extensions that start with it',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 12, to: agent }, { key: 123, to: agent }'),
        agent: AGENT,
      }),
      // 1 starts 12 and 123; 12 starts 123.
      findings: [
        { node: 'main', messageId: 'startsLongerKey', line: 4, column: 90 },
        { node: 'main', messageId: 'startsLongerKey', line: 4, column: 113 },
      ],
    },
  ],
});
