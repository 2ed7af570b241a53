import { plural } from '../../flow/words.js';
import type { Rule } from '../rule.js';
import { menus } from '../ways.js';

const rule: Rule = {
  id: 'too-many-options',
  meta: {
    description: 'A menu offers more than maxOptions options (repeat included).',
    severity: 'warning',
    messages: {
      tooManyOptions: 'A menu offers too many options.',
    },
  },
  check(flow, { limits }) {
    return menus(flow)
      .filter((menu) => menu.options.length > limits.maxOptions)
      .map((menu) => ({
        node: menu.id,
        messageId: 'tooManyOptions',
        message: `This menu offers ${plural(menu.options.length, 'option')}; the limit is ${limits.maxOptions}. Callers forget the first before the last is read.`,
      }));
  },
};
export default rule;
