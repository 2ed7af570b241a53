import rule from '../../../src/analysis/rules/no-zero-out.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu('{ key: 1, to: bye }, { key: 0, to: agent }'),
      bye: BYE,
      agent: AGENT,
    }),
    {
      name: 'through a say and a branch',
      flow: flow(
        'main',
        {
          main: menu('{ key: 0, to: hold }'),
          hold: '{ type: say, prompt: Please hold., next: route }',
          route: '{ type: branch, condition: hours, cases: { open: agent, closed: bye } }',
          agent: AGENT,
          bye: BYE,
        },
        'conditions: { hours: [open, closed] }\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a person only one menu further',
      flow: flow('main', {
        main: menu('{ key: 1, to: more }'),
        more: menu('{ key: 0, to: agent }'),
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'noWayToPerson', line: 4, column: 3 }],
    },
  ],
});
