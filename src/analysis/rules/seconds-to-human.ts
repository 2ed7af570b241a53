import type { Rule } from '../rule.js';
import { seconds } from '../ways.js';

const rule: Rule = {
  id: 'seconds-to-human',
  meta: {
    description: 'The shortest time to a human exceeds maxSecondsToHuman (queue wait not counted).',
    severity: 'warning',
    messages: {
      tooLongToHuman: 'Too many seconds to a human.',
    },
  },
  check(flow, { facts, limits }) {
    const time = facts.humanSeconds;
    if (time === undefined || time <= limits.maxSecondsToHuman) return [];
    return [
      {
        node: flow.start,
        messageId: 'tooLongToHuman',
        message: `A caller spends at least ${seconds(time)} in the menus before reaching a human; the limit is ${seconds(limits.maxSecondsToHuman)}.`,
      },
    ];
  },
};
export default rule;
