import rule from '../../../src/analysis/rules/unreachable.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu('{ key: 1, to: bye }, { key: 0, to: agent }'),
      bye: BYE,
      agent: AGENT,
    }),
    {
      name: 'reachable only under some conditions',
      flow: flow(
        'check',
        {
          check: '{ type: branch, condition: hours, cases: { open: agent, closed: bye } }',
          agent: AGENT,
          bye: BYE,
        },
        'conditions: { hours: [open, closed] }\n',
      ),
    },
    {
      name: 'reachable only through a handler',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: help }, noInput: { then: agent } }',
        help: AGENT,
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'a node nothing leads to',
      flow: flow('main', {
        main: menu('{ key: 0, to: agent }'),
        agent: AGENT,
        old_menu: menu('{ key: 0, to: agent }'),
      }),
      findings: [{ node: 'old_menu', messageId: 'unreachable', line: 6, column: 3 }],
    },
  ],
});
