import { plural } from '../../flow/words.js';
import type { Rule } from '../rule.js';
import { describeInputs } from '../ways.js';

const rule: Rule = {
  id: 'steps-to-human',
  meta: {
    description: 'The fewest steps to a human exceed maxStepsToHuman.',
    severity: 'error',
    messages: {
      tooManySteps: 'Too many steps to a human.',
    },
  },
  check(flow, { facts, limits }) {
    const human = facts.human;
    if (!human || human.steps <= limits.maxStepsToHuman) return [];
    return [
      {
        node: flow.start,
        messageId: 'tooManySteps',
        message: `A caller needs at least ${plural(human.steps, 'step')} to reach a human (${describeInputs(human.inputs)}); the limit is ${limits.maxStepsToHuman}.`,
      },
    ];
  },
};
export default rule;
