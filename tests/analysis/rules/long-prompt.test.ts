import rule from '../../../src/analysis/rules/long-prompt.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: '80 words at 160 a minute is 30 s',
      flow: flow('hello', {
        hello: `{ type: say, prompt: "${words(80)}", next: agent }`,
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: '81 words',
      flow: flow('hello', {
        hello: `{ type: say, prompt: "${words(81)}", next: agent }`,
        agent: AGENT,
      }),
      findings: [{ node: 'hello', messageId: 'longPrompt', line: 4, column: 3 }],
    },
    {
      name: 'a stated duration',
      flow: flow('hello', {
        hello: '{ type: say, prompt: Music, duration: 2m, next: agent }',
        agent: AGENT,
      }),
      findings: [{ node: 'hello', messageId: 'longPrompt', line: 4, column: 3 }],
    },
    {
      name: 'a long noMatch prompt',
      flow: flow('main', {
        main: `{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { prompt: "${words(90)}", then: agent }, noInput: { then: agent } }`,
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'longHandlerPrompt', line: 4, column: 74 }],
    },
  ],
});
