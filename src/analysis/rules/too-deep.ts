import { plural } from '../../flow/words.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'too-deep',
  meta: {
    description: 'A menu sits deeper than maxDepth.',
    severity: 'error',
    messages: {
      tooDeep: 'A menu sits too deep.',
    },
  },
  check(_flow, { facts, limits }) {
    return [...facts.depth]
      .filter(([, depth]) => depth > limits.maxDepth)
      .map(([id, depth]) => ({
        node: id,
        messageId: 'tooDeep',
        message: `This menu is ${plural(depth, 'menu')} deep (counting itself); the limit is ${limits.maxDepth}. Callers lose their way after a few menus.`,
      }));
  },
};
export default rule;
