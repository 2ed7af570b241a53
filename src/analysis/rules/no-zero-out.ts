import type { Rule } from '../rule.js';
import { leadsStraightToHuman, menus } from '../ways.js';

const rule: Rule = {
  id: 'no-zero-out',
  meta: {
    description:
      'A menu with no option that leads straight to a human (through say and branch nodes only).',
    severity: 'warning',
    messages: {
      noWayToPerson: 'No option leads straight to a person.',
    },
  },
  check(flow, { facts }) {
    return menus(flow)
      .filter((menu) => facts.reachable[facts.graph.index.get(menu.id) as number])
      .filter((menu) => !menu.options.some((option) => leadsStraightToHuman(flow, option.to)))
      .map((menu) => ({
        node: menu.id,
        messageId: 'noWayToPerson',
        message: 'No option here leads straight to a person. Offer one, on 0 by convention.',
      }));
  },
};
export default rule;
