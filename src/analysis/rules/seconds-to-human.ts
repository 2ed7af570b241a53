import type { Rule } from '../rule.js';
import { seconds } from '../ways.js';

const rule: Rule = {
  id: 'seconds-to-human',
  meta: {
    description: 'The shortest time to a human exceeds maxSecondsToHuman (queue wait not counted).',
    severity: 'warning',
  },
  check(flow, { facts, limits }) {
    const time = facts.humanSeconds;
    if (time === undefined || time <= limits.maxSecondsToHuman) return [];
    return [
      {
        node: flow.start,
        message: `A caller spends at least ${seconds(time)} in the menus before reaching a human; the limit is ${seconds(limits.maxSecondsToHuman)}.`,
      },
    ];
  },
};
export default rule;
