import rule from '../../../src/analysis/rules/trap.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: 'a loop with a way out',
      flow: flow('a', {
        a: menu('{ key: 1, to: b }, { key: 0, to: agent }'),
        b: menu('{ key: 1, to: a }'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'self service in a loop: claims line',
      flow: flow('main', {
        main: menu('{ key: 1, to: status }, { key: 0, to: agent }'),
        status:
          '{ type: menu, prompt: Press 1 for status or 2 for the form., options: [{ key: 1, to: form }, { key: 2, to: form }] }',
        form: '{ type: menu, prompt: Press 1 for status., options: [{ key: 1, to: status }], noMatch: { then: status }, noInput: { then: status } }',
        agent: AGENT,
      }),
      findings: [{ node: 'status', messageId: 'trapped', line: 5, column: 3 }],
    },
    {
      name: 'only under some conditions',
      flow: flow(
        'check',
        {
          check: '{ type: branch, condition: hours, cases: { open: main, closed: loop } }',
          main: menu('{ key: 0, to: agent }'),
          loop: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: loop2 }] }',
          loop2: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: loop }] }',
          agent: AGENT,
        },
        'conditions: { hours: [open, closed] }\n',
      ),
      findings: [{ node: 'loop', messageId: 'trapped', line: 7, column: 3 }],
    },
  ],
});
