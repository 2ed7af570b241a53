import rule from '../../../src/analysis/rules/human-unavailable.js';
import { AGENT, BYE, flow, ruleTester } from '../rule-tester.js';

const hours = 'conditions: { hours: [open, closed], region: [north, south] }\n';

ruleTester(rule, {
  valid: [
    flow(
      'check',
      {
        check: '{ type: branch, condition: hours, cases: { open: agent, closed: agent } }',
        agent: AGENT,
      },
      hours,
    ),
    { name: 'no human at all is no-human, not this', flow: flow('bye', { bye: BYE }) },
  ],
  invalid: [
    {
      name: 'closed line',
      flow: flow(
        'check',
        {
          check: '{ type: branch, condition: hours, cases: { open: agent, closed: bye } }',
          agent: AGENT,
          bye: BYE,
        },
        hours,
      ),
      findings: [{ node: 'check', messageId: 'noHumanWhen', line: 5, column: 3 }],
    },
    {
      name: 'a second condition that does not matter is left out, so one finding',
      flow: flow(
        'region',
        {
          region: '{ type: branch, condition: region, cases: { north: check, south: check } }',
          check: '{ type: branch, condition: hours, cases: { open: agent, closed: bye } }',
          agent: AGENT,
          bye: BYE,
        },
        hours,
      ),
      findings: [{ node: 'check', messageId: 'noHumanWhen', line: 6, column: 3 }],
    },
  ],
});
