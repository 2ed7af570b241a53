import rule from '../../../src/analysis/rules/reserved-key.js';
import { AGENT, BYE, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu(
        '{ key: 1, to: sub }, { key: 2, to: bye }, { key: 0, to: agent }, { key: "*", repeat: true }',
      ),
      sub: menu('{ key: 1, to: agent }, { key: "*", to: main }'),
      bye: BYE,
      agent: AGENT,
    }),
    {
      name: '0 for help',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 0, to: help }'),
        help: '{ type: say, prompt: Here is some help., next: main }',
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: '0 for something else',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 0, to: bye }'),
        bye: BYE,
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'zeroNotHelp', line: 4, column: 113 }],
    },
    {
      name: '* going forward',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: "*", to: bye }'),
        bye: BYE,
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'starNotBack', line: 4, column: 113 }],
    },
    {
      name: '# as a choice',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: "#", to: agent }'),
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'hashAsChoice', line: 4, column: 113 }],
    },
    {
      name: 'choices with a gap',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 3, to: agent }'),
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'gapInChoices', line: 4, column: 3 }],
    },
  ],
});
