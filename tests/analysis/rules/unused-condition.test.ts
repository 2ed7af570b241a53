import rule from '../../../src/analysis/rules/unused-condition.js';
import { AGENT, BYE, flow, ruleTester } from '../rule-tester.js';

const branchOn = (condition: string) =>
  `{ type: branch, condition: ${condition}, cases: { open: agent, closed: bye } }`;

ruleTester(rule, {
  valid: [
    flow(
      'check',
      { check: branchOn('hours'), agent: AGENT, bye: BYE },
      'conditions: { hours: [open, closed] }\n',
    ),
    {
      name: 'read by a branch no call reaches (that is unreachable, not unused)',
      flow: flow(
        'agent',
        { agent: AGENT, check: branchOn('hours'), bye: BYE },
        'conditions: { hours: [open, closed] }\n',
      ),
    },
    flow('agent', { agent: AGENT }),
  ],
  invalid: [
    {
      name: 'declared, read by no branch',
      flow: flow(
        'check',
        { check: branchOn('hours'), agent: AGENT, bye: BYE },
        'conditions:\n  hours: [open, closed]\n  holiday: [yes, no]\n',
      ),
      findings: [{ node: 'check', messageId: 'unused', line: 5, column: 3 }],
    },
  ],
});
