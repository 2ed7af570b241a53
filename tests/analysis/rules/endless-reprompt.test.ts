import rule from '../../../src/analysis/rules/endless-reprompt.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', { main: menu('{ key: 0, to: agent }'), agent: AGENT }),
    {
      name: 'a then to another menu that offers a way on',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: help }, noInput: { then: agent } }',
        help: menu('{ key: 0, to: agent }'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'tries: unlimited',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: agent }, noInput: { tries: unlimited } }',
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'unlimitedTries', line: 4, column: 100 }],
    },
    {
      name: 'a then straight back through a say node',
      flow: flow('main', {
        main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }], noMatch: { then: again }, noInput: { then: agent } }',
        again: '{ type: say, prompt: Let us try again., next: main }',
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'thenLeadsBack', line: 4, column: 74 }],
    },
    {
      name: 'settings.tries unlimited applies to every handler',
      flow: flow(
        'main',
        { main: '{ type: menu, prompt: Press 0, options: [{ key: 0, to: agent }] }', agent: AGENT },
        'settings: { tries: unlimited }\n',
      ),
      findings: [
        { node: 'main', messageId: 'unlimitedTries', line: 5, column: 3 },
        { node: 'main', messageId: 'unlimitedTries', line: 5, column: 3 },
      ],
    },
  ],
});
