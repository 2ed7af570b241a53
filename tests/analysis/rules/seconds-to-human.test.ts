import rule from '../../../src/analysis/rules/seconds-to-human.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: 'the queue wait is not counted',
      flow: flow('main', {
        main: menu('{ key: 0, to: agent }'),
        agent: '{ type: agent, wait: 30m }',
      }),
    },
  ],
  invalid: [
    {
      name: 'a long welcome',
      flow: flow('hello', {
        hello: '{ type: say, prompt: Hello, duration: 58s, next: main }',
        main: menu('{ key: 0, to: agent }'),
        agent: AGENT,
      }),
      findings: [{ node: 'hello', messageId: 'tooLongToHuman', line: 4, column: 3 }],
    },
    {
      name: 'the only way is to wait out three timeouts',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 1, options: [{ key: 1, to: bye }], timeout: 25s, noInput: { then: agent }, noMatch: { then: bye } }',
        bye: '{ type: hangup }',
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'tooLongToHuman', line: 4, column: 3 }],
    },
  ],
});
