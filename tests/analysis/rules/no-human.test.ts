import rule from '../../../src/analysis/rules/no-human.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    flow('hello', { hello: '{ type: say, prompt: Hi, next: agent }', agent: AGENT }),
  ],
  invalid: [
    {
      name: 'no agent node at all',
      flow: flow('bye', { bye: BYE }),
      findings: [{ node: 'bye', messageId: 'noHuman', line: 4, column: 3 }],
    },
    {
      name: 'an agent no option leads to',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: bye }], noMatch: { then: bye } }',
        bye: BYE,
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'noHuman', line: 4, column: 3 }],
    },
  ],
});
