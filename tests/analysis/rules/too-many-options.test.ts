import rule from '../../../src/analysis/rules/too-many-options.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

const options = (count: number) =>
  Array.from({ length: count }, (_, i) => `{ key: ${i + 1}, to: agent }`).join(', ');

ruleTester(rule, {
  valid: [
    flow('main', { main: menu(options(5)), agent: AGENT }),
    {
      name: 'more under a higher limit',
      flow: flow('main', { main: menu(options(7)), agent: AGENT }),
      limits: { maxOptions: 7 },
    },
  ],
  invalid: [
    {
      name: 'six options',
      flow: flow('main', { main: menu(options(6)), agent: AGENT }),
      findings: [{ node: 'main', messageId: 'tooManyOptions', line: 4, column: 3 }],
    },
    {
      name: 'repeat counts as an option',
      flow: flow('main', { main: menu(`${options(5)}, { key: "*", repeat: true }`), agent: AGENT }),
      findings: [{ node: 'main', messageId: 'tooManyOptions', line: 4, column: 3 }],
    },
  ],
});
