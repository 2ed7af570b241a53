import rule from '../../../src/analysis/rules/unresolved-hangup.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu('{ key: 1, to: bye }, { key: 0, to: agent }'),
      bye: BYE,
      agent: AGENT,
    }),
    {
      name: 'reached only after input errors (error-hangup reports that)',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: bye }, noInput: { then: agent } }',
        bye: '{ type: hangup }',
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: '"restart your router and call again"',
      flow: flow('main', {
        main: menu('{ key: 2, to: router }, { key: 0, to: agent }'),
        router: '{ type: hangup, prompt: Please restart your router and call again. }',
        agent: AGENT,
      }),
      findings: [{ node: 'router', messageId: 'unresolvedEnd', line: 5, column: 3 }],
    },
    {
      name: 'a closed line',
      flow: flow(
        'check',
        {
          check: '{ type: branch, condition: hours, cases: { open: agent, closed: closed } }',
          closed: '{ type: hangup, prompt: We are closed. }',
          agent: AGENT,
        },
        'conditions: { hours: [open, closed] }\n',
      ),
      findings: [{ node: 'closed', messageId: 'unresolvedEnd', line: 6, column: 3 }],
    },
  ],
});
