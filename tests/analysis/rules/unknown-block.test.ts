import rule from '../../../src/analysis/rules/unknown-block.js';
import { ruleTester } from '../rule-tester.js';

/** An Amazon Connect flow of these actions, one a line, starting at the first. */
const connect = (...actions: string[]) =>
  `{
  "Version": "2019-10-30",
  "StartAction": "first",
  "Actions": [
${actions.map((action) => `    ${action}`).join(',\n')}
  ]
}`;

const AGENT =
  '{ "Identifier": "agent", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {} }';

ruleTester(rule, {
  valid: [
    {
      name: 'every block known',
      file: 'case.json',
      flow: connect(
        '{ "Identifier": "first", "Type": "MessageParticipant", "Parameters": { "Text": "Hello." }, "Transitions": { "NextAction": "agent" } }',
        AGENT,
      ),
    },
    {
      name: 'a set-up block phonemaze passes over',
      file: 'case.json',
      flow: connect(
        '{ "Identifier": "first", "Type": "UpdateContactAttributes", "Parameters": {}, "Transitions": { "NextAction": "agent" } }',
        AGENT,
      ),
    },
    'id: plain\nstart: agent\nnodes:\n  agent: { type: agent }\n',
  ],
  invalid: [
    {
      name: 'an unknown type with a next action, followed',
      file: 'case.json',
      flow: connect(
        '{ "Identifier": "first", "Type": "StartPostCallSurvey", "Parameters": {}, "Transitions": { "NextAction": "agent" } }',
        AGENT,
      ),
      findings: [{ node: 'first', messageId: 'unknownType', line: 5, column: 5 }],
    },
    {
      name: 'an unknown type with no transitions ends the call, and is said',
      file: 'case.json',
      flow: connect(
        '{ "Identifier": "first", "Type": "MessageParticipant", "Parameters": { "Text": "Hi." }, "Transitions": { "NextAction": "mystery" } }',
        '{ "Identifier": "mystery", "Type": "SomethingNew", "Parameters": {}, "Transitions": {} }',
      ),
      findings: [{ node: 'mystery', messageId: 'unknownType', line: 6, column: 5 }],
    },
  ],
});
