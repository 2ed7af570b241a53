import rule from '../../../src/analysis/rules/error-hangup.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: 'unlimited tries never disconnect (endless-reprompt reports it)',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], tries: unlimited }',
        agent: AGENT,
      }),
    },
    {
      name: 'an unreachable menu is not judged',
      flow: flow('agent', {
        agent: AGENT,
        old: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }] }',
      }),
    },
  ],
  invalid: [
    {
      name: 'no handlers at all: both kinds disconnect',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }] }',
        agent: AGENT,
      }),
      findings: [
        { node: 'main', messageId: 'disconnects', line: 4, column: 3 },
        { node: 'main', messageId: 'disconnects', line: 4, column: 3 },
      ],
    },
    {
      name: 'a noMatch without then',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { prompt: Sorry }, noInput: { then: agent } }',
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'disconnects', line: 4, column: 74 }],
    },
    {
      name: '"Sorry, I did not understand you. Goodbye."',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: sorry }, noInput: { then: agent } }',
        sorry: '{ type: say, prompt: "Sorry, I did not understand you.", next: bye }',
        bye: BYE,
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'thenHangsUp', line: 4, column: 74 }],
    },
  ],
});
