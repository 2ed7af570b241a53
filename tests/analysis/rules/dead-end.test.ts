import rule from '../../../src/analysis/rules/dead-end.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: 'a disconnect still goes somewhere (error-hangup reports it)',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 1, options: [{ key: 1, repeat: true }] }',
      }),
    },
  ],
  invalid: [
    {
      name: 'only repeats, and handlers that never run out',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 1 to hear this again, options: [{ key: 1, repeat: true }], tries: unlimited }',
      }),
      findings: [{ node: 'main', messageId: 'nowhereToGo', line: 4, column: 3 }],
    },
    {
      name: 'handlers that lead back to the node itself',
      flow: flow('hello', {
        hello: '{ type: say, prompt: Hi, next: main }',
        main: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: main }], noMatch: { then: main }, noInput: { then: main } }',
      }),
      findings: [{ node: 'main', messageId: 'nowhereToGo', line: 5, column: 3 }],
    },
  ],
});
